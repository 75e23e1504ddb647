package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.local.embedded.FreePort;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every 202 survives a crash. The packaged runtime takes feedback from four clients at once and is
 * killed with SIGKILL mid-load (no shutdown hook runs); a restart that fails on a port already taken
 * must lose nothing either; the next start then stores every response it had acknowledged.
 */
class CrashIT {

    private static final String KEY = "crash-test-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    private Process start(int port, Path log) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-jar", "target/touchpoint-local.jar", "--port",
                Integer.toString(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put(Setting.API_KEY.variable(), KEY);
        builder.environment().put(Setting.DATA_DIR.variable(), dataDir.toString());
        return builder.start();
    }

    private void awaitHealth(int port, Process process, Path log) {
        LocalApi.eventually("the jar answers /_local/health", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the runtime exited: " + read(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_local/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception notYet) {
                return false;
            }
        }, Duration.ofSeconds(60));
    }

    private boolean post(int port, String externalId) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/feedback"))
                    .header("x-api-key", KEY).header("content-type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"externalId":"%s","channel":"call_centre","customer":{"externalId":"crm-%s"},
                             "answers":[{"questionId":"nps","type":"nps","value":8}]}""".formatted(externalId, externalId)))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 202;
        } catch (Exception killedMeanwhile) {
            return false;
        }
    }

    /** The external ids of today's stored responses, page by page through the export. */
    private Set<String> stored(int port) throws Exception {
        Set<String> ids = new HashSet<>();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String cursor = null;
        do {
            String query = "/v1/responses?from=" + today + "&to=" + today + "&limit=1000" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = StrictJson.read(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
                    .header("x-api-key", KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
            page.get("responses").forEach(r -> ids.add(r.get("externalId").asText()));
            cursor = page.path("next").isTextual() ? page.get("next").asText() : null;
        } while (cursor != null);
        return ids;
    }

    @Test
    void killedMidLoad_andAFailedRestart_loseNoAcknowledgedFeedback() throws Exception {
        int port = FreePort.find();
        Path firstLog = dataDir.resolve("first.log");
        Process first = start(port, firstLog);
        awaitHealth(port, first, firstLog);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            clients.submit(() -> {
                while (loading.get()) {
                    String id = "crash-" + sequence.incrementAndGet();
                    if (post(port, id)) {
                        acknowledged.add(id);
                    }
                }
            });
        }
        LocalApi.eventually("a good part of the load is acknowledged", () -> acknowledged.size() >= 400, Duration.ofSeconds(60));
        first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed on the way out
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        loading.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

        // A restart that cannot bind its port fails after opening the data directory: it must lose nothing.
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            Path failedLog = dataDir.resolve("failed.log");
            Process failed = start(port, failedLog);
            assertTrue(failed.waitFor(120, TimeUnit.SECONDS), "a start on a taken port ends");
            assertFalse(failed.exitValue() == 0, "and says it failed: " + read(failedLog));
            assertTrue(read(failedLog).contains("port " + port + " is taken"), "in words: " + read(failedLog));
        }

        Path secondLog = dataDir.resolve("second.log");
        Process second = start(port, secondLog);
        try {
            awaitHealth(port, second, secondLog);
            Set<String> missing = new HashSet<>(acknowledged);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (!missing.isEmpty() && System.nanoTime() < deadline) {
                missing.removeAll(stored(port));
                if (!missing.isEmpty()) {
                    Thread.sleep(500);
                }
            }
            assertEquals(0, missing.size(), missing.size() + " of " + acknowledged.size() + " acknowledged responses lost, e.g. "
                    + missing.stream().limit(5).toList());
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
