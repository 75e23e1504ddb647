package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scores as customers type them, answering an SMS invitation through Twilio's webhook, the processor
 * and DynamoDB Local: "9/10" is a 9 with no comment "10"; "9.5" and "8-9" are asked again and nothing
 * is recorded. (The whole table of forms is ScoreReadingTest's; these are its costly mistakes end to end.)
 */
class ScoresAsTypedIT {

    private static LocalRuntime runtime;
    private static LocalApi api;
    private static ProviderWebhooks providers;

    /** @param score the NPS it must record, or null when the customer must be asked again */
    private record Row(String phone, String typed, Integer score, String comment) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("+905551230001", "9/10", 9, null),
            new Row("+905551230002", "10/10 harika", 10, "harika"),
            new Row("+905551230003", "Puanım 8", 8, null),
            new Row("+905551230004", "3 - ürün kırık geldi", 3, "ürün kırık geldi"),
            new Row("+905551230005", "8️⃣", 8, null),
            new Row("+905551230006", "9.5", null, null),
            new Row("+905551230007", "8-9", null, null),
            new Row("+905551230008", "12 Aralık'a kadar yoktum", null, null));

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>(ProviderWebhooks.environment());
        env.put(Setting.API_KEY.variable(), "scores-key");
        env.put(Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1");
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, env));
        api = new LocalApi(runtime);
        providers = ProviderWebhooks.of(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @Test
    void eachTypedScore_answersItsInvitation_orIsAskedAgain() throws Exception {
        for (Row row : ROWS) {
            scheduleSms("typed-" + row.phone().substring(1), row.phone());
        }
        for (Row row : ROWS) {
            eventually("the invitation to " + row.phone() + " is sent", () -> outboxTo(row.phone()), l -> !l.isEmpty());
            assertEquals(200, providers.twilio(ProviderWebhooks.twilioSms("SMtyped" + row.phone().substring(1), row.phone(), row.typed()))
                    .statusCode());
        }
        for (Row row : ROWS) {
            List<JsonNode> sent = eventually("a reply to " + row.typed(), () -> outboxTo(row.phone()), l -> l.size() == 2);
            String reply = sent.get(1).get("body").asText();
            if (row.score() == null) {
                assertEquals("Lütfen 0 ile 10 arasında bir sayıyla yanıtlayın.", reply, row.typed());
            }
        }
        FeedbackPipelineIT.drain(runtime);
        for (Row row : ROWS) {
            JsonNode responses = profile(row.phone()).get("responses");
            if (row.score() == null) {
                assertEquals(0, responses.size(), row.typed() + " records nothing: " + responses);
                continue;
            }
            assertEquals(1, responses.size(), row.typed());
            List<JsonNode> answers = StreamSupport.stream(responses.get(0).get("answers").spliterator(), false).toList();
            assertEquals(row.score(), answers.get(0).get("value").asInt(), row.typed());
            assertEquals(row.comment() == null ? 1 : 2, answers.size(), row.typed() + ": " + answers);
            if (row.comment() != null) {
                assertEquals(row.comment(), answers.get(1).get("value").asText());
            }
            assertTrue(profile(row.phone()).get("thread").size() >= 2, "the message and the reply are on the thread");
        }
    }

    /** A photo's caption is the customer's text: "3 - ürün kırık geldi" on a WhatsApp photo is a 3 and its comment. */
    @Test
    void aPhotoCaption_answersLikeText() throws Exception {
        String phone = "+905551230099";
        scheduleSms("typed-photo", phone);
        eventually("the invitation is sent", () -> outboxTo(phone), l -> !l.isEmpty());
        String photo = SampleEventsIT.sample("corpus/whatsapp/image-caption.json").replace("905551110001", "905551230099")
                .replace("TR.1100000000000001", "TR.1100000000000099").replace("wamid.corpus.image.caption.0001", "wamid.typed.photo");
        assertEquals(200, providers.meta("/webhooks/whatsapp", photo).statusCode());
        JsonNode response = eventually("the caption answers the invitation", () -> profile(phone).get("responses"), r -> r.size() == 1).get(0);
        assertEquals(3, response.get("answers").get(0).get("value").asInt());
        assertEquals("ürün kırık geldi", response.get("answers").get(1).get("value").asText());
        assertEquals("image", profile(phone).get("thread").get(0).get("media").get(0).get("kind").asText(), "the photo is on the thread");
    }

    private static void scheduleSms(String id, String phone) {
        assertEquals(202, api.post("/v1/interactions", "application/json", runtime.apiKey(), """
                {"id":"%s","type":"service.completed","occurredAt":"%s","touchpoint":"store-kadikoy",
                 "customer":{"phone":"%s","locale":"tr-TR","timeZone":"%s"},"delaySeconds":0,"channels":["sms"]}"""
                .formatted(id, Instant.now().minusSeconds(5), phone, SurveyJourneyIT.zoneWhereTheHourIs(12))
                .getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    private static List<JsonNode> outboxTo(String recipient) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> recipient.equals(m.path("to").asText())).toList();
    }

    private static JsonNode profile(String phone) {
        return StrictJson.read(api.get("/v1/profiles?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)).body());
    }
}
