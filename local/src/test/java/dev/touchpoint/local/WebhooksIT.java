package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Outgoing webhooks against real receivers on loopback: a CRM that fails twice and then accepts, and a
 * helpdesk that is down. Every attempt is signed as Standard Webhooks specifies (checked here with the
 * JDK's own HMAC, not our signer), retried with growing delays, and the endpoint that never recovers
 * ends in the webhook DLQ with its reason.
 */
class WebhooksIT {

    private static final byte[] SECRET = "webhooks-it-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    /** What a receiver saw. */
    record Received(Instant at, Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private static final List<Received> CRM = new CopyOnWriteArrayList<>();
    private static final List<Received> DOWN = new CopyOnWriteArrayList<>();
    private static HttpServer receivers;
    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        receivers = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receivers.createContext("/crm", exchange -> {
            int status = CRM.size() < 2 ? 503 : 200;
            CRM.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receivers.createContext("/down", exchange -> {
            DOWN.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), 500));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        receivers.start();
        String base = "http://127.0.0.1:" + receivers.getAddress().getPort();
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "webhooks-key",
                Setting.WEBHOOK_URLS.variable(), "crm=" + base + "/crm,helpdesk=" + base + "/down",
                Setting.WEBHOOK_SECRET.variable(), "whsec_" + Base64.getEncoder().encodeToString(SECRET),
                Setting.WEBHOOK_MAX_ATTEMPTS.variable(), "3",
                Setting.WEBHOOK_BACKOFF_SECONDS.variable(), "1")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (receivers != null) {
            receivers.stop(0);
        }
    }

    @Test
    void everyResponse_isSigned_retriedWithBackoffUntilAccepted_andAReceiverThatStaysDown_endsInTheDlqWithItsReason()
            throws Exception {
        String responseId = StrictJson.read(api.postFeedback("""
                {"externalId":"wh-1","channel":"web","touchpoint":"store-moda","surveyId":"post-service",
                 "customer":{"email":"webhook@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":3},
                            {"questionId":"comment","type":"text","value":"Kargo geç geldi, \\"çok\\" üzgünüm,\\nyine de teşekkürler"}]}
                """).body()).get("id").asText();

        eventually("the CRM accepts the third attempt", () -> CRM.size() >= 3);
        assertEquals(List.of(503, 503, 200), CRM.subList(0, 3).stream().map(Received::answered).toList());
        String webhookId = CRM.get(0).header("webhook-id");
        for (Received attempt : CRM.subList(0, 3)) {
            assertEquals(webhookId, attempt.header("webhook-id"), "every attempt is the same delivery");
            assertEquals(expectedSignature(webhookId, attempt.header("webhook-timestamp"), attempt.body()),
                    attempt.header("webhook-signature"));
            long age = Instant.now().getEpochSecond() - Long.parseLong(attempt.header("webhook-timestamp"));
            assertTrue(age >= 0 && age < 300, "the timestamp is the time of sending");
        }
        assertTrue(Duration.between(CRM.get(0).at(), CRM.get(1).at()).toMillis() >= 900, "first retry after the backoff");
        assertTrue(Duration.between(CRM.get(1).at(), CRM.get(2).at()).toMillis() >= 2900, "the second waits three times longer");

        JsonNode delivered = StrictJson.read(CRM.get(2).body());
        assertEquals("response.recorded", delivered.get("type").asText());
        assertTrue(delivered.get("data").get("detractor").asBoolean());
        JsonNode response = delivered.get("data").get("response");
        assertEquals(responseId, response.get("id").asText());
        assertEquals("Kargo geç geldi, \"çok\" üzgünüm,\nyine de teşekkürler", response.get("answers").get(1).get("value").asText());
        assertEquals(StrictJson.read(api.get("/v1/profiles?email=webhook%40example.com").body()).get("id").asText(),
                response.get("profileId").asText());

        Message parked = eventually("the helpdesk delivery is parked", WebhooksIT::parkedMessage, m -> m != null);
        assertEquals(3, DOWN.size(), "three attempts, then no more");
        assertEquals("WebhookFailedException: HTTP 500 from helpdesk", parked.messageAttributes().get("failureReason").stringValue());
        assertTrue(parked.body().contains("\"endpoint\":\"helpdesk\"") && parked.body().contains(responseId));
        assertFalse(parked.body().contains("webhook@example.com") || parked.body().contains("Kargo"),
                "the queue names the response; it holds no personal data");

        // The same submission again (a client retry): announced under the same id, so a receiver drops it by id.
        api.postFeedback("""
                {"externalId":"wh-1","channel":"web","touchpoint":"store-moda","surveyId":"post-service",
                 "customer":{"email":"webhook@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":3},
                            {"questionId":"comment","type":"text","value":"Kargo geç geldi, \\"çok\\" üzgünüm,\\nyine de teşekkürler"}]}
                """);
        eventually("the repeat is announced", () -> CRM.size() == 4);
        assertEquals(webhookId, CRM.get(3).header("webhook-id"));
    }

    private static Message parkedMessage() {
        List<Message> messages = runtime.sqs().receiveMessage(r -> r.queueUrl(runtime.queues().closedLoopDeadLetterUrl())
                .messageAttributeNames("All").waitTimeSeconds(0)).messages();
        return messages.isEmpty() ? null : messages.get(0);
    }

    private static String expectedSignature(String id, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
