package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.local.embedded.EmbeddedSqs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local runtime hosts every function in one JVM, so dozens of SDK calls to the embedded services
 * run at once. Those calls must reuse their connections, as each Lambda instance would, instead of
 * opening a TCP connection per call once more than the JDK's default five are in use: that cost the
 * pipeline about a fifth of its rate. Counted at the wire, through a proxy that counts accepted connections.
 */
class KeptAliveConnectionsIT {

    private static final int AT_ONCE = 32;

    @Test
    void concurrentCallsReuseTheirConnectionsRoundAfterRound() throws Exception {
        try (EmbeddedSqs sqs = EmbeddedSqs.start(); CountingProxy proxy = new CountingProxy(sqs.endpoint());
             ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE)) {
            SqsClient client = SqsClients.create(Environment.of(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local", "AWS_ENDPOINT_URL_SQS", proxy.endpoint().toString())));
            String queue = client.createQueue(b -> b.queueName("kept-alive")).queueUrl();
            for (int round = 0; round < 3; round++) {
                // Long polls on an empty queue: each call holds its connection for a second, so all of them overlap.
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    calls.add(callers.submit(() -> client.receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1))));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            }
            // The first round opens a connection per call; later rounds reuse them (with the JDK's default of five
            // kept, each later round would open 27 more: about 86 in all).
            assertTrue(proxy.accepted() <= AT_ONCE + 4, "connections opened for 3 rounds of " + AT_ONCE + " calls: " + proxy.accepted());
        }
    }

    /** Forwards each accepted connection to the target, byte for byte, and counts them. */
    private static final class CountingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        private final AtomicInteger accepted = new AtomicInteger();
        private final ExecutorService pipes = Executors.newVirtualThreadPerTaskExecutor();

        CountingProxy(URI target) throws IOException {
            pipes.submit(() -> {
                while (!server.isClosed()) {
                    Socket in = server.accept();
                    accepted.incrementAndGet();
                    Socket out = new Socket(target.getHost(), target.getPort());
                    pipes.submit(() -> pipe(in, out));
                    pipes.submit(() -> pipe(out, in));
                }
                return null;
            });
        }

        private static Void pipe(Socket from, Socket to) {
            try (InputStream input = from.getInputStream(); OutputStream output = to.getOutputStream()) {
                input.transferTo(output);
            } catch (IOException closed) {
                // one side closed: close the other too
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            return null;
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            server.close();
            pipes.shutdownNow();
        }
    }
}
