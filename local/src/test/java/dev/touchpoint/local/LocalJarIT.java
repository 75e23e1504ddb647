package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.local.embedded.FreePort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged runtime as a user starts it: {@code java -jar local/target/touchpoint-local.jar}, a
 * feedback by HTTP, a stop by signal (what Ctrl-C sends to the JVM's shutdown hook), and a second
 * start on the same data directory that still knows the customer.
 */
class LocalJarIT {

    private static final String KEY = "jar-test-key";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private Process start(int port, Path log) throws IOException {
        return start(port, log, Map.of());
    }

    /** The runtime keeps its data in a directory of the temporary one that does not exist yet: it makes it itself. */
    private Process start(int port, Path log, Map<String, String> environment) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-jar", "target/touchpoint-local.jar", "--port", Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(Setting.API_KEY.variable(), KEY);
        builder.environment().put(Setting.DATA_DIR.variable(), dataDir.resolve("kept").toString());
        builder.environment().remove("AWS_ENDPOINT_URL");
        builder.environment().putAll(environment);
        return builder.start();
    }

    private HttpResponse<String> request(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("x-api-key", KEY).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitHealth(int port, Process process, Path log) throws Exception {
        LocalApi.eventually("the jar answers /_local/health", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the runtime exited: " + read(log));
            }
            try {
                return request(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_local/health"))).statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    @Test
    void jar_startedStoppedAndStartedAgain_keepsTheCustomer() throws Exception {
        int port = FreePort.find();
        Path firstLog = dataDir.resolve("first.log");
        Process first = start(port, firstLog, Map.of(Setting.READ_TIMEOUT_SECONDS.variable(), "2"));
        awaitHealth(port, first, firstLog);
        assertHalfSentRequestIsCutOff(port);
        assertTrue(read(firstLog).contains("API key   " + KEY), "prints the key it accepts");
        assertTrue(read(firstLog).contains("dashboard http://localhost:" + port + "/"), "names the dashboard: " + read(firstLog));
        for (String function : List.of("ingest-api", "processor", "survey-dispatcher", "ingest-email", "closed-loop", "reporting-api")) {
            assertTrue(read(firstLog).contains(" " + function), "names " + function + " among the invokable functions");
        }
        assertTrue(read(firstLog).contains("mail in   " + dataDir.resolve("kept/inbound-mail").toAbsolutePath()), "names where mail goes");
        assertOwnerOnly(dataDir.resolve("kept"), dataDir.resolve("kept/survey-token.key"), dataDir.resolve("kept/dynamodb"),
                dataDir.resolve("kept/sqs"));

        HttpResponse<String> accepted = request(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/feedback"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"externalId":"jar-1","channel":"call_centre","customer":{"externalId":"crm-7"},
                         "answers":[{"questionId":"csat","type":"csat","value":5}]}""")));
        assertEquals(202, accepted.statusCode(), accepted.body());

        // Ctrl-C right after a 202: the queue drains and the runtime stops within the drain's 15 s (H2's own
        // shutdown hook once closed the queues' database under the drain, whose calls then hung).
        first.destroy();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM: " + read(firstLog));
        assertTrue(read(firstLog).contains("Stopped cleanly."), read(firstLog));

        Path secondLog = dataDir.resolve("second.log");
        Process second = start(port, secondLog);
        try {
            awaitHealth(port, second, secondLog);
            HttpResponse<String> profile = request(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v1/profiles?externalId=crm-7")));
            assertEquals(200, profile.statusCode(), profile.body());
            assertTrue(profile.body().contains("\"externalId\":\"jar-1\""), profile.body());
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A client that never finishes its request is disconnected, not waited for. */
    private static void assertHalfSentRequestIsCutOff(int port) throws IOException {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(("POST /v1/feedback HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{\"ext")
                    .getBytes(StandardCharsets.US_ASCII));
            client.setSoTimeout(20_000);
            long started = System.nanoTime();
            assertEquals(-1, client.getInputStream().read(), "the server closes the connection");
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(15).toNanos());
        }
    }

    /** Profiles, queued answers and the key that signs survey links: no other account of the machine reads them. */
    private static void assertOwnerOnly(Path... paths) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        for (Path path : paths) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            assertTrue(permissions.stream().allMatch(p -> p.name().startsWith("OWNER_")), path + " is " + PosixFilePermissions.toString(permissions));
        }
    }

    /** A developer who points AWS_ENDPOINT_URL at a LocalStack that is not running is told so in a line, not a stack trace. */
    @Test
    void anUnreachableEndpoint_isOneClearLine() throws Exception {
        Path log = dataDir.resolve("unreachable.log");
        Process process = start(FreePort.find(), log, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:" + FreePort.find()));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "gives up: " + read(log));
        assertEquals(1, process.exitValue(), read(log));
        assertTrue(read(log).contains("nothing answered at AWS_ENDPOINT_URL=http://127.0.0.1:"), read(log));
        assertTrue(read(log).contains("unset AWS_ENDPOINT_URL"), "says what to do: " + read(log));
        assertTrue(!read(log).contains("\tat ") && !read(log).contains("Exception in thread"), "no stack trace: " + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
