package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.local.embedded.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-jar", "target/touchpoint-local.jar", "--port", Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("TOUCHPOINT_API_KEY", KEY);
        builder.environment().put("TOUCHPOINT_DATA_DIR", dataDir.toString());
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
        Process first = start(port, firstLog);
        awaitHealth(port, first, firstLog);
        assertTrue(read(firstLog).contains("API key   " + KEY), "prints the key it accepts");

        HttpResponse<String> accepted = request(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/feedback"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"externalId":"jar-1","channel":"call_centre","customer":{"externalId":"crm-7"},
                         "answers":[{"questionId":"csat","type":"csat","value":5}]}""")));
        assertEquals(202, accepted.statusCode(), accepted.body());

        first.destroy();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
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

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
