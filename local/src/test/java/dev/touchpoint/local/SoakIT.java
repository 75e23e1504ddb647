package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.local.embedded.EmbeddedSqs;
import dev.touchpoint.wire.json.StrictJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The soak run (a command, not part of verify: it skips itself unless {@code -Dsoak.events} is given):
 * {@code ./mvnw -pl local verify -Dit.test=SoakIT -Dsoak.events=50000}. That many distinct feedback
 * events over HTTP, 5% of them sent twice, while 5% of the response transactions are cancelled for
 * throttling at the wire; then the responses must number exactly the distinct events, nothing may be
 * dead-lettered, and every channel's aggregate must equal a recomputation from the exported responses.
 */
class SoakIT {

    private static final List<String> CHANNELS = List.of("web", "app", "sms", "kiosk", "email");

    @Test
    void soak_everyDistinctEventOnce_andEveryAggregateMatchesItsResponses() throws Exception {
        String events = System.getProperty("soak.events");
        Assumptions.assumeTrue(events != null, "soak run skipped: ./mvnw -pl local verify -Dit.test=SoakIT -Dsoak.events=50000");
        int total = Integer.parseInt(events);
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start(null); EmbeddedSqs sqs = EmbeddedSqs.start();
             DynamoDbFaultProxy proxy = new DynamoDbFaultProxy(dynamo.endpoint());
             LocalRuntime runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                     Setting.API_KEY.variable(), "soak-key", Setting.VISIBILITY_TIMEOUT_SECONDS.variable(), "2",
                     "AWS_ENDPOINT_URL", sqs.endpoint().toString(), "AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString(),
                     "AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString())))) {
            proxy.throttleRandomly(DynamoDbFaultProxy::isWrite, 0.05, 42);
            Instant start = Instant.now();
            int sent = send(runtime, total);
            Instant accepted = Instant.now();
            LocalApi api = new LocalApi(runtime);
            LocalApi.eventually("the pipeline drains", () -> runtime.queueDepth(runtime.queues().feedbackUrl()).total() == 0,
                    Duration.ofMinutes(30));
            Instant drained = Instant.now();

            Map<String, int[]> recomputed = recompute(api);
            int responses = recomputed.values().stream().mapToInt(c -> c[0]).sum();
            int mismatches = 0;
            for (JsonNode group : StrictJson.read(api.get("/v1/reports/summary?groupBy=channel").body()).get("groups")) {
                int[] expected = recomputed.getOrDefault(group.get("key").asText(), new int[4]);
                JsonNode nps = group.get("nps");
                int[] reported = {group.get("responses").asInt(), nps.get("promoters").asInt(), nps.get("passives").asInt(),
                        nps.get("detractors").asInt()};
                if (!Arrays.equals(expected, reported)) {
                    mismatches++;
                    System.out.println("SOAK mismatch " + group.get("key").asText() + ": report " + Arrays.toString(reported)
                            + ", responses " + Arrays.toString(expected));
                }
            }
            int deadLettered = runtime.queueDepth(runtime.queues().deadLetterUrl()).total();
            System.out.printf("SOAK events=%d requests=%d faults_injected=%d responses=%d lost=%d doubled=%d dead_lettered=%d "
                            + "aggregate_mismatches=%d ingest_seconds=%d drain_seconds=%d events_per_second=%.0f%n",
                    total, sent, proxy.injected(), responses, Math.max(0, total - responses), Math.max(0, responses - total), deadLettered,
                    mismatches, Duration.between(start, accepted).toSeconds(), Duration.between(accepted, drained).toSeconds(),
                    total / Math.max(1.0, Duration.between(start, drained).toMillis() / 1000.0));
            assertEquals(total, responses, "every distinct event is one response");
            assertEquals(0, deadLettered);
            assertEquals(0, mismatches, "every aggregate matches its responses");
        }
    }

    /** Sends the events over HTTP from 16 threads; one in twenty is sent twice, as a client retry. */
    private static int send(LocalRuntime runtime, int total) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        AtomicInteger requests = new AtomicInteger();
        Random random = new Random(7);
        int[] scores = random.ints(total, 0, 11).toArray();
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < total; i++) {
                int event = i;
                senders.submit(() -> {
                    String body = """
                            {"externalId":"soak-%d","channel":"%s","touchpoint":"soak-%d","customer":{"email":"soak%d@example.com"},
                             "answers":[{"questionId":"nps","type":"nps","value":%d}]}""".formatted(event, CHANNELS.get(event % 5),
                            event % 10, event % 2000, scores[event]);
                    for (int copy = 0; copy < (event % 20 == 0 ? 2 : 1); copy++) {
                        post(http, runtime, body);
                        requests.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        return requests.get();
    }

    private static void post(HttpClient http, LocalRuntime runtime, String body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback"))
                    .header("content-type", "application/json").header("x-api-key", "soak-key")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return;
            }
            if (attempt == 5) {
                throw new IllegalStateException("not accepted: " + response.statusCode() + " " + response.body());
            }
        }
    }

    /** Responses, promoters, passives and detractors per channel, from the export of every response. */
    private static Map<String, int[]> recompute(LocalApi api) {
        Map<String, int[]> counts = new HashMap<>();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String cursor = null;
        do {
            JsonNode page = StrictJson.read(api.get("/v1/responses?format=json&limit=1000&from=" + today + "&to=" + today
                    + (cursor == null ? "" : "&cursor=" + cursor)).body());
            for (JsonNode response : page.get("responses")) {
                int[] c = counts.computeIfAbsent(response.get("channel").asText(), k -> new int[4]);
                int score = response.get("answers").get(0).get("value").asInt();
                c[0]++;
                c[score >= 9 ? 1 : score >= 7 ? 2 : 3]++;
            }
            cursor = page.get("next").isNull() ? null : URLEncoder.encode(page.get("next").asText(), StandardCharsets.UTF_8);
        } while (cursor != null);
        return counts;
    }
}
