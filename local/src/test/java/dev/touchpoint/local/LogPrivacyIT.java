package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.wire.json.StrictJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Logs carry no personal data. A full scenario — feedback, a refused submission, a survey sent and
 * answered, an SMS conversation, a team reply, a CSV import, a message the processor cannot read, an
 * erasure — runs with every log line of every function captured, and the capture is searched for the
 * customer's email, phone, name and every text they or we wrote.
 */
class LogPrivacyIT {

    private static final String EMAIL = "leak.check@example.com";
    private static final String PHONE = "+905551230987";
    private static final String NAME = "Zeliha Sızıntı";
    private static final List<String> SECRETS = List.of(EMAIL, "leak.check", PHONE, "5551230987", NAME, "Sızıntı",
            "gizli yorum 7731", "gizli sms 5521", "gizli yanıt 8812", "gizli içe aktarma 9034", "gizli kuyruk 4410");
    private static final String TWILIO_TOKEN = "privacy-twilio-token";

    @Test
    void aFullScenario_logsNoEmailPhoneNameOrText() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(captured, out), true, StandardCharsets.UTF_8);
        System.setOut(tee);
        System.setErr(tee);
        try (LocalRuntime runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "privacy-key", Setting.TWILIO_AUTH_TOKEN.variable(), TWILIO_TOKEN,
                Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1", Setting.VISIBILITY_TIMEOUT_SECONDS.variable(), "1",
                Setting.METRICS.variable(), "emf")))) {
            scenario(runtime, new LocalApi(runtime));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("sent to the DLQ after 5 receives") && logs.contains("\"function\":\"survey-dispatcher\""),
                "the capture holds the functions' logs, the parked message's reason included");
        // One JSON line per event, each with its level, function, request and correlation ids.
        List<JsonNode> events = logs.lines().filter(line -> line.startsWith("{\"timestamp\"")).map(StrictJson::read).toList();
        assertTrue(events.size() >= 3, logs);
        for (JsonNode event : events) {
            for (String field : List.of("timestamp", "level", "function", "requestId", "correlationId", "event", "message")) {
                assertTrue(event.has(field), field + " in " + event);
            }
            assertTrue(List.of("DEBUG", "INFO", "WARN", "ERROR").contains(event.get("level").asText()), event.toString());
        }
        // The business metrics, as Embedded Metric Format lines: each names its metric and carries its value.
        List<JsonNode> metrics = logs.lines().filter(line -> line.startsWith("{\"_aws\"")).map(StrictJson::read).toList();
        for (String[] expected : List.of(new String[] {"Responses", "Channel", "web"}, new String[] {"MessagesParked", "Queue", "feedback"},
                new String[] {"Invitations", "Decision", "sent"}, new String[] {"RepliesSent", "Provider", "ses"},
                new String[] {"Interactions", "Outcome", "scheduled"}, new String[] {"TeamReplies", "Outcome", "sent"})) {
            assertTrue(metrics.stream().anyMatch(m -> m.path("_aws").path("CloudWatchMetrics").path(0).path("Metrics").path(0)
                    .path("Name").asText().equals(expected[0]) && m.path(expected[1]).asText().equals(expected[2])
                    && m.path(expected[0]).asLong() >= 1), String.join(" ", expected) + " in " + metrics);
        }
        JsonNode parked = events.stream().filter(e -> e.get("event").asText().equals("message.parked")).findFirst().orElseThrow();
        assertEquals("ERROR", parked.get("level").asText());
        assertEquals("processor", parked.get("function").asText());
        assertTrue(!parked.get("correlationId").isNull(), "the parked message is named: " + parked);
        for (String secret : SECRETS) {
            assertTrue(!logs.contains(secret), "a log line holds " + secret + ":\n" + logs.lines()
                    .filter(line -> line.contains(secret)).findFirst().orElse(""));
        }
    }

    private static void scenario(LocalRuntime runtime, LocalApi api) throws Exception {
        assertEquals(202, api.postFeedback("""
                {"externalId":"privacy-1","channel":"web","customer":{"email":"%s","phone":"%s","name":"%s"},
                 "answers":[{"questionId":"nps","type":"nps","value":2},{"questionId":"comment","type":"text","value":"gizli yorum 7731"}]}"""
                .formatted(EMAIL, PHONE, NAME)).statusCode());
        assertEquals(400, api.postFeedback("""
                {"channel":"web","customer":{"email":"%s","phone":"not a phone %s"},"answers":[]}""".formatted(EMAIL, PHONE)).statusCode());
        String profileId = eventually("the response is recorded", () -> StrictJson.read(api.get("/v1/profiles?email="
                + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8)).body()), p -> p.path("responses").size() == 1).get("id").asText();

        String invitation = StrictJson.read(api.post("/v1/interactions", "application/json", runtime.apiKey(), """
                {"id":"privacy-visit","type":"service.completed","occurredAt":"%s","customer":{"email":"%s","timeZone":"%s"},
                 "delaySeconds":0,"channels":["email"]}""".formatted(Instant.now().minusSeconds(5), "leak.check.visit@example.com",
                SurveyJourneyIT.zoneWhereTheHourIs(12)).getBytes(StandardCharsets.UTF_8)).body()).get("invitationId").asText();
        eventually("the invitation is sent", () -> runtime.outbox().json().contains(invitation));

        Map<String, String> sms = new LinkedHashMap<>(Map.of("MessageSid", "SMprivacy1", "From", PHONE, "To", "+15550100",
                "Body", "gizli sms 5521"));
        String form = String.join("&", sms.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        HttpResponse<String> twilio = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + runtime.port() + "/webhooks/twilio"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("x-twilio-signature", WebhookSignatures.twilio(TWILIO_TOKEN, runtime.config().publicUrl() + "/webhooks/twilio", sms))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, twilio.statusCode());
        assertEquals(202, api.post("/v1/replies", "application/json", runtime.apiKey(), """
                {"id":"privacy-reply","profileId":"%s","channel":"email","text":"gizli yanıt 8812"}""".formatted(profileId)
                .getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(202, api.post("/v1/imports", "text/csv", runtime.apiKey(), ("""
                externalId,channel,touchpoint,surveyId,email,phone,customerExternalId,name,locale,submittedAt,nps,csat,ces,rating,comment
                privacy-row,paper,,,%s,,,%s,,,5,,,,gizli içe aktarma 9034
                privacy-bad,paper,,,%s,,,,,,12,,,,gizli içe aktarma 9034
                """).formatted(EMAIL, NAME, EMAIL).getBytes(StandardCharsets.UTF_8)).statusCode());
        // A message the processor cannot read: it is retried, parked, and its reason logged.
        runtime.sqs().sendMessage(m -> m.queueUrl(runtime.queues().feedbackUrl()).messageBody("""
                {"kind":"feedback","idempotencyKey":"privacy-poison","receivedAt":"%s",
                 "submission":{"channel":"web","customer":{"email":"%s"},"answers":[{"questionId":"c","type":"text","value":"gizli kuyruk 4410"}],"x":1}}"""
                .formatted(Instant.now(), EMAIL)));
        eventually("the unreadable message is parked", () -> runtime.queueDepth(runtime.queues().deadLetterUrl()).total() == 1);
        eventually("the reply went out", () -> runtime.outbox().json().contains("gizli yanıt 8812"));
        FeedbackPipelineIT.drain(runtime);
        HttpResponse<String> erased = api.delete("/v1/profiles/" + profileId);
        assertEquals(204, erased.statusCode());
    }

    /** Writes everything to the capture and on to the console, so a failing run still shows its logs. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}
