package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real handler chain end to end: HTTP → ingest-api → ElasticMQ → processor → DynamoDB Local, and
 * back out through GET /v1/profiles. Runs under the Turkish default locale the build sets for tests.
 */
class FeedbackPipelineIT {

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"},
                Map.of(Setting.API_KEY.variable(), "pipeline-test-key", Setting.VISIBILITY_TIMEOUT_SECONDS.variable(), "1")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static JsonNode profileBy(String query) {
        HttpResponse<String> response = api.get("/v1/profiles?" + query);
        return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
    }

    private static JsonNode profileWithResponses(String query, int responses) {
        return eventually(query + " has " + responses + " response(s)", () -> profileBy(query),
                p -> p != null && p.get("responses").size() == responses);
    }

    private static String accepted(String json) {
        HttpResponse<String> response = api.postFeedback(json);
        assertEquals(202, response.statusCode(), response.body());
        return StrictJson.read(response.body()).get("id").asText();
    }

    @Test
    void feedback_fromUpperCaseEmailUnderTurkishLocale_isFoundByLowerCaseEmail() {
        assertEquals("tr", Locale.getDefault().getLanguage(), "the build runs tests under tr-TR");

        String id = accepted("""
                {"externalId":"tr-1","channel":"web","customer":{"email":"INFO@EXAMPLE.COM"},
                 "answers":[{"questionId":"nps","type":"nps","value":9}]}""");

        JsonNode profile = profileWithResponses("email=info@example.com", 1);
        assertEquals("info@example.com", profile.get("identities").get(0).get("value").asText());
        assertEquals(id, profile.get("responses").get(0).get("id").asText());
        assertEquals("tr-1", profile.get("responses").get(0).get("externalId").asText());
    }

    @Test
    void feedback_sameSubmissionThreeTimes_yieldsOneResponse() {
        String withKey = """
                {"externalId":"retry-1","channel":"kiosk","touchpoint":"store-kadikoy","customer":{"email":"retry@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":10}]}""";
        String withoutKey = """
                {"channel":"app","customer":{"email":"retry@example.com"},"submittedAt":"2026-11-20T08:00:00Z",
                 "answers":[{"questionId":"csat","type":"csat","value":4}]}""";
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(accepted(withKey));
            ids.add(accepted(withoutKey));
        }
        assertEquals(2, ids.size(), "a retry is told the same response id");

        profileWithResponses("email=retry@example.com", 2);
        drain();
        assertEquals(2, profileBy("email=retry@example.com").get("responses").size(), "still two once the queue is empty");
        // A registered touchpoint names its survey for an answer that names none.
        assertEquals(1, DailyCells.reported(runtime, "kiosk#store-kadikoy#post-service", "responses"),
                "the day's kiosk aggregate counted the retried submission once");
        assertEquals(1, DailyCells.reported(runtime, "kiosk#store-kadikoy#post-service", "npsPromoters"));
    }

    /**
     * U+FFFE and U+FFFF are JSON, but Unicode's non-characters are never meant for interchange (and SQS
     * refuses them raw): our API refuses them, naming the field, rather than store what a client's bug
     * sent. A customer's own SMS holding one is kept exactly (ChannelsIT).
     */
    @Test
    void textWithUnicodeNonCharacters_isRefused_namingTheField() {
        HttpResponse<String> response = api.postFeedback("""
                {"externalId":"nonchar-1","channel":"web","customer":{"email":"nonchar@example.com"},
                 "answers":[{"questionId":"comment","type":"text","value":"kötü \uFFFF hizmet \uFFFE"}]}""");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("/answers/0/value", StrictJson.read(response.body()).get("errors").get(0).get("pointer").asText());
    }

    @Test
    void feedback_byEmailThenPhoneThenBoth_isOneProfileWithThreeResponses() {
        accepted("""
                {"externalId":"x-email","channel":"email","customer":{"email":"ayse@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":6}]}""");
        profileWithResponses("email=ayse@example.com", 1);
        accepted("""
                {"externalId":"x-phone","channel":"sms","customer":{"phone":"0555 111 22 33"},
                 "answers":[{"questionId":"nps","type":"nps","value":8}]}""");
        profileWithResponses("phone=%2B905551112233", 1);

        accepted("""
                {"externalId":"x-both","channel":"whatsapp","customer":{"email":"Ayse@Example.com","phone":"+90 555 111 22 33"},
                 "answers":[{"questionId":"comment","type":"text","value":"Teşekkürler"}]}""");

        JsonNode byEmail = profileWithResponses("email=ayse@example.com", 3);
        JsonNode byPhone = profileWithResponses("phone=05551112233", 3);
        assertEquals(byEmail.get("id"), byPhone.get("id"));
        assertEquals(List.of("x-email", "x-phone", "x-both"), externalIds(byEmail));
        assertEquals(1, byEmail.get("mergedFrom").size());
        assertEquals(2, byEmail.get("identities").size());
    }

    @Test
    void detractor_raisesOneAlert_withoutTheCustomersDetails() {
        String id = accepted("""
                {"externalId":"detractor-1","channel":"call_centre","touchpoint":"hotline","customer":{"email":"angry@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":2},{"questionId":"comment","type":"text","value":"Çok bekledim"}]}""");
        accepted("""
                {"externalId":"detractor-1","channel":"call_centre","touchpoint":"hotline","customer":{"email":"angry@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":2},{"questionId":"comment","type":"text","value":"Çok bekledim"}]}""");
        drain();
        List<JsonNode> alerts = StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> "detractor-alert".equals(m.path("kind").asText()) && id.equals(m.path("responseId").asText())).toList();
        assertEquals(1, alerts.size(), "one alert, however often the response is submitted");
        assertEquals(2, alerts.get(0).get("score").asInt());
        assertEquals("hotline", alerts.get(0).get("touchpoint").asText());
        String alert = alerts.get(0).toString();
        assertTrue(!alert.contains("angry@example.com") && !alert.contains("Çok bekledim"), alert);
    }

    @Test
    void poisonMessage_landsInTheDlqAfterFiveReceives_withItsReason() throws Exception {
        String dlq = runtime.queues().deadLetterUrl();
        runtime.sqs().sendMessage(m -> m.queueUrl(runtime.queues().feedbackUrl()).messageBody("{\"kind\":\"feedback\",\"note\":\"no key\"}"));

        var parked = eventually("the poison message is in the DLQ",
                () -> runtime.sqs().receiveMessage(r -> r.queueUrl(dlq).messageAttributeNames("All").waitTimeSeconds(1)).messages(),
                messages -> !messages.isEmpty()).get(0);

        assertEquals("{\"kind\":\"feedback\",\"note\":\"no key\"}", parked.body());
        assertEquals("5", parked.messageAttributes().get("receiveCount").stringValue());
        assertEquals("UnreadableMessageException: message without idempotencyKey",
                parked.messageAttributes().get("failureReason").stringValue());
        runtime.sqs().deleteMessage(d -> d.queueUrl(dlq).receiptHandle(parked.receiptHandle()));
        drain();
    }

    private static List<String> externalIds(JsonNode profile) {
        return StreamSupport.stream(profile.get("responses").spliterator(), false)
                .map(r -> r.get("externalId").asText()).toList();
    }

    static void drain() {
        drain(runtime);
    }

    static void drain(LocalRuntime runtime) {
        eventually("the feedback queue is empty", () -> runtime.queueDepth(runtime.queues().feedbackUrl()).total() == 0);
    }
}
