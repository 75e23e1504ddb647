package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.touchpoint.contract.config.Setting;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The local runtime answers this machine only: no port listens on the network, and the local-only
 * routes (which run functions and show every outbox message) are out of reach of a page of another
 * site in the developer's browser, by a forged request or by DNS rebinding.
 */
class LocalAdminIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), "admin-key")));
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static int items() {
        return runtime.dynamoDb().scan(s -> s.tableName("touchpoint").select(Select.COUNT)).count();
    }

    private static HttpResponse<String> invokeProcessor(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/_local/invoke/processor"))
                .POST(HttpRequest.BodyPublishers.ofString(SampleEventsIT.sample("sqs/feedback-batch.json")));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCrossOriginPost_toInvoke_isRefused_andWritesNothing() throws Exception {
        int before = items();
        assertEquals(403, invokeProcessor(Map.of("origin", "https://evil.example")).statusCode());
        assertEquals(403, invokeProcessor(Map.of("sec-fetch-site", "cross-site")).statusCode());
        assertEquals(before, items(), "no profile was made");
        assertEquals(200, invokeProcessor(Map.of("origin", "http://localhost:" + runtime.port())).statusCode(), "the dashboard's own origin");
    }

    /** Another machine on the developer's network reaches none of the runtime's ports: not the API, the table or the queues. */
    @Test
    void noPort_answersOnANetworkAddress() throws Exception {
        List<InetAddress> networkAddresses = NetworkInterface.networkInterfaces().filter(LocalAdminIT::isUp)
                .flatMap(NetworkInterface::inetAddresses).filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .toList();
        assumeFalse(networkAddresses.isEmpty(), "this machine has no network address to try");
        List<Integer> ports = List.of(runtime.port(),
                URI.create(runtime.functionEnvironment().get("AWS_ENDPOINT_URL_DYNAMODB")).getPort(),
                URI.create(runtime.functionEnvironment().get("AWS_ENDPOINT_URL_SQS")).getPort());
        for (int port : ports) {
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(loopback.isConnected(), "the port " + port + " is open on loopback");
            }
            for (InetAddress address : networkAddresses) {
                assertThrows(ConnectException.class, () -> new Socket(address, port).close(), address + ":" + port + " must not answer");
            }
        }
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    /** A name of the attacker's that resolves to 127.0.0.1 reaches the port, but its Host header gives it away. */
    @Test
    void aRequestForAnotherHost_isRefused() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), runtime.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /_local/outbox HTTP/1.1\r\nHost: rebind.evil.example:" + runtime.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.contains(" 403 "), status);
        }
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + runtime.port() + "/_local/outbox")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
