package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
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
 * One language per customer, on every channel: their locale, else the language they last wrote to us
 * in, else their phone's country. Service events go through the real ingest API and dispatcher into
 * the outbox; messages through Twilio's signed webhook and the processor into DynamoDB Local.
 */
class CustomerLanguageIT {

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = new HashMap<>(ProviderWebhooks.environment());
        env.put(Setting.API_KEY.variable(), "language-key");
        env.put(Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1");
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, env));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    /** Today a +90 customer got an English SMS invitation and Turkish follow-ups. */
    @Test
    void aTurkishNumberWithoutALocale_isInvitedInTurkish() {
        JsonNode sms = invitationSms("svc-lang-1", "+905551230001", null);
        assertEquals("tr", sms.get("language").asText());
        assertTrue(sms.get("body").asText().contains("RET yazın"), "the Turkish opt-out hint: " + sms.get("body"));
    }

    @Test
    void aCustomerWhoWritesInEnglish_isInvitedInEnglish_whateverTheirNumber() throws Exception {
        assertEquals(200, ProviderWebhooks.of(runtime).twilio(ProviderWebhooks.twilioSms("SMlanguage000000000000000000000002",
                "+905551230002", "The cashier was really helpful, thank you")).statusCode());
        FeedbackPipelineIT.drain(runtime);
        JsonNode profile = StrictJson.read(api.get("/v1/profiles?phone=%2B905551230002").body());
        assertEquals("en", profile.get("writtenLanguage").asText());

        assertEquals("en", invitationSms("svc-lang-2", "+905551230002", null).get("language").asText());
    }

    @Test
    void aLocaleTheBusinessGave_isKept_overTheLanguageOfOneMessage() throws Exception {
        assertEquals(200, ProviderWebhooks.of(runtime).twilio(ProviderWebhooks.twilioSms("SMlanguage000000000000000000000003",
                "+905551230003", "Thanks for the quick delivery, lovely service")).statusCode());
        FeedbackPipelineIT.drain(runtime);
        assertEquals("tr", invitationSms("svc-lang-3", "+905551230003", "tr-TR").get("language").asText());
    }

    private static JsonNode invitationSms(String interactionId, String phone, String locale) {
        String json = """
                {"id":"%s","type":"service.completed","occurredAt":"%s","touchpoint":"store-kadikoy",
                 "customer":{"phone":"%s"%s,"timeZone":"%s"},"delaySeconds":0,"channels":["sms"]}"""
                .formatted(interactionId, Instant.now().minusSeconds(5), phone,
                        locale == null ? "" : ",\"locale\":\"" + locale + "\"", SurveyJourneyIT.zoneWhereTheHourIs(12));
        HttpResponse<String> response = api.post("/v1/interactions", "application/json", runtime.apiKey(), json.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, response.statusCode(), response.body());
        String invitationId = StrictJson.read(response.body()).get("invitationId").asText();
        return eventually("the SMS invitation is in the outbox", () -> outboxFor(invitationId), l -> !l.isEmpty()).get(0);
    }

    private static List<JsonNode> outboxFor(String invitationId) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> invitationId.equals(m.path("invitationId").asText())).toList();
    }
}
