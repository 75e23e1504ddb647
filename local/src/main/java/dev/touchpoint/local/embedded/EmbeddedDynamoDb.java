package dev.touchpoint.local.embedded;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local in this JVM, on a loopback port; in memory, or in one shared file under a data directory. */
public final class EmbeddedDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** @param dataDir where to keep the data, or null to keep it in memory */
    public static EmbeddedDynamoDb start(Path dataDir) throws Exception {
        KeptAliveConnections.raise();
        int port = FreePort.find();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            OwnerOnlyFiles.directory(dataDir);
            args.addAll(List.of("-sharedDb", "-dbPath", dataDir.toString()));
        }
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        listenOnLoopbackOnly(server);
        server.start();
        return new EmbeddedDynamoDb(server, port);
    }

    /**
     * DynamoDB Local has no option for the interface it listens on, and its Jetty connector takes
     * every interface: anyone on the developer's network could read and write the table. Its Jetty
     * server is reached through the proxy's one private field and told to listen on loopback before
     * it starts; if a later DynamoDB Local renames the field, the start fails here, not silently open.
     */
    private static void listenOnLoopbackOnly(DynamoDBProxyServer proxy) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        Server jetty = (Server) field.get(proxy);
        for (Connector connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost(InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
