package dev.touchpoint.local.embedded;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.NodeAddress;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.elasticmq.util.NowProvider;
import scala.Option;
import scala.collection.immutable.List$;
import scala.concurrent.Await;
import scalikejdbc.ConnectionPool$;
import scalikejdbc.ConnectionPoolSettings;

/**
 * ElasticMQ (the SQS API) in this JVM, on a loopback port. With a directory, its queues and every
 * message live in an H2 file there, written before a send is answered (ElasticMQ's own SQL
 * persistence): a message the runtime acknowledged survives a crash of the process, and the next start
 * finds it queued, its receive count and visibility with it.
 */
public final class EmbeddedSqs implements AutoCloseable {

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

    private final SQSRestServer server;
    private final ActorSystem actors;
    private final boolean persistent;
    private final URI endpoint;

    private EmbeddedSqs(SQSRestServer server, ActorSystem actors, boolean persistent, int port) {
        this.server = server;
        this.actors = actors;
        this.persistent = persistent;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** In memory only: what is queued is gone when the process ends. */
    /**
     * Pekko stops its actor system from a JVM shutdown hook of its own, concurrently with the runtime's:
     * on Ctrl-C the queue vanished under the drain, whose calls then hung until their timeout. The
     * runtime's {@link #close()} stops it, after the drain.
     */
    private static final Config OUR_STOP_ONLY = ConfigFactory.parseString(
            "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off\npekko.jvm-shutdown-hooks = off");

    public static EmbeddedSqs start() {
        return start(Optional.empty());
    }

    /** @param storage where queues and messages are kept across runs and crashes, or empty to keep them in memory */
    public static EmbeddedSqs start(Optional<Path> storage) {
        KeptAliveConnections.raise();
        int port = FreePort.find();
        ActorSystem actors = ActorSystem.create("elasticmq", OUR_STOP_ONLY.withFallback(ConfigFactory.load()));
        try {
            var builder = SQSRestServerBuilder.withActorSystem(actors).withPort(port).withInterface("127.0.0.1")
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""));
            if (storage.isPresent()) {
                OwnerOnlyFiles.directory(storage.get());
                String uri = h2Uri(storage.get());
                usePool(uri);
                ActorRef persistence = actors.actorOf(Props.create(SqlQueuePersistenceActor.class,
                        new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "sa", "", false),
                        List$.MODULE$.empty()));
                ActorRef queues = actors.actorOf(Props.create(QueueManagerActor.class, new NowProvider(), StrictSQSLimits$.MODULE$,
                        Option.apply(persistence)));
                restore(persistence, queues);
                builder = builder.withQueueManagerActor(queues).withQueueEventListener(persistence);
            }
            SQSRestServer server = builder.start();
            server.waitUntilStarted();
            return new EmbeddedSqs(server, actors, storage.isPresent(), port);
        } catch (IOException e) {
            actors.terminate();
            throw new UncheckedIOException("cannot make the queues' directory " + storage.get(), e);
        } catch (RuntimeException e) {
            actors.terminate();
            throw e;
        }
    }

    /**
     * H2 in a file, each commit written at once ({@code WRITE_DELAY=0}): the operating system holds what a
     * killed process wrote, so a crash loses nothing acknowledged.
     */
    private static String h2Uri(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("queues") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * ElasticMQ's store opens scalikejdbc's default connection pool once per JVM and keeps it: a second
     * runtime in the same JVM (tests start many) would write to the first one's file. So the pool is
     * (re)made here for this runtime's file, and closed with it.
     */
    private static void usePool(String uri) {
        try {
            Class.forName("org.h2.Driver");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("H2 is ElasticMQ's store here and must be on the classpath", e);
        }
        ConnectionPool$ pools = ConnectionPool$.MODULE$;
        ConnectionPoolSettings settings = pools.singleton$default$4();
        pools.singleton(uri, "sa", "", settings, pools.singleton$default$5(uri, "sa", "", settings));
    }

    /** The queues and messages kept in the file, handed to the queue manager before anyone can send or receive. */
    private static void restore(ActorRef persistence, ActorRef queues) {
        try {
            Object result = Await.result(Patterns.ask(persistence, new QueueEvent.Restore(queues), RESTORE_TIMEOUT.toMillis()),
                    scala.concurrent.duration.Duration.create(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            if (result instanceof scala.util.Left<?, ?> errors) {
                throw new IllegalStateException("ElasticMQ could not restore its queues: " + errors.value());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restoring the queues", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("ElasticMQ did not restore its queues within " + RESTORE_TIMEOUT.toSeconds() + " s", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
        actors.terminate();
        if (persistent) {
            ConnectionPool$.MODULE$.closeAll();
        }
    }
}
