package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.wire.json.StrictJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Identity with provenance: what an anonymous visitor types (the widget, with its public key) is a
 * claim, never joined to a customer the business knows. The attack this replays: the publishable key
 * is in every page's HTML, so a script with a forged Origin sends a known customer's email with the
 * attacker's phone and name; the attacker then texts in from that phone; a team member replies on the
 * customer's profile without choosing a channel.
 */
class IdentityTrustIT {

    private static final String ORIGIN = "https://shop.example";
    private static final String TWILIO_TOKEN = "trust-twilio-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "trust-key", Setting.PUBLISHABLE_KEYS.variable(), "pk_shop=" + ORIGIN,
                Setting.TWILIO_AUTH_TOKEN.variable(), TWILIO_TOKEN)));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static HttpResponse<String> widget(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback?publishableKey=pk_shop"))
                .header("content-type", "text/plain").header("origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> textFrom(String phone, String sid, String body) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("MessageSid", sid, "From", phone, "To", "+15550100", "Body", body));
        String encoded = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).reduce((a, b) -> a + "&" + b).orElseThrow();
        String signature = WebhookSignatures.twilio(TWILIO_TOKEN, runtime.config().publicUrl() + "/webhooks/twilio", form);
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/webhooks/twilio"))
                .header("content-type", "application/x-www-form-urlencoded").header("x-twilio-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode profile(String query) {
        HttpResponse<String> response = api.get("/v1/profiles?" + query);
        return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
    }

    private static List<String> identities(JsonNode profile) {
        return StreamSupport.stream(profile.get("identities").spliterator(), false)
                .map(i -> i.get("type").asText() + ":" + i.get("value").asText()).sorted().toList();
    }

    private static List<JsonNode> outboxTo(String recipient) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> recipient.equals(m.path("to").asText())).toList();
    }

    @Test
    void theWidgetKeyAttack_failsAtEveryStep() throws Exception {
        String victim = "ayse.victim@example.com";
        String attackerPhone = "+905559990011";
        // GIVEN a customer the business knows (its CRM posted her order feedback with its API key)
        assertEquals(202, api.postFeedback("""
                {"externalId":"crm-order-77","channel":"call_centre","customer":{"email":"%s","name":"Ayşe Yılmaz","locale":"tr-TR"},
                 "answers":[{"questionId":"nps","type":"nps","value":4},{"questionId":"comment","type":"text","value":"Sipariş 77 eksik geldi"}]}"""
                .formatted(victim)).statusCode());
        JsonNode known = eventually("the customer is known", () -> profile("email=" + victim), p -> p != null);

        // WHEN a script with the public widget key and a forged Origin claims her email with the attacker's phone and name
        HttpResponse<String> claim = widget("""
                {"channel":"web","surveyId":"post-service","customer":{"email":"%s","phone":"%s","name":"Hacked"},
                 "answers":[{"questionId":"nps","type":"nps","value":10}]}""".formatted(victim, attackerPhone));
        assertEquals(202, claim.statusCode(), claim.body());
        FeedbackPipelineIT.drain(runtime);

        // THEN her profile is untouched: no phone, not renamed, the claim's response not hers
        JsonNode after = profile("email=" + victim);
        assertEquals(known.get("id"), after.get("id"));
        assertEquals(List.of("email:" + victim), identities(after), "the attacker's phone did not join her profile");
        assertEquals("Ayşe Yılmaz", after.get("name").asText(), "a claim renames nobody");
        assertEquals("tr-TR", after.get("locale").asText());
        assertEquals("verified", after.get("provenance").asText());
        assertEquals(1, after.get("responses").size());
        // The claim landed on a profile of its own, marked claimed (the phone, known to nobody yet, leads to it)
        JsonNode claimed = profile("phone=" + URLEncoder.encode(attackerPhone, StandardCharsets.UTF_8));
        assertEquals("claimed", claimed.path("provenance").asText(), claimed.toString());
        assertNotEquals(known.get("id"), claimed.get("id"));
        assertEquals("Hacked", claimed.get("name").asText());

        // WHEN the attacker texts in from that phone (a signed, verified webhook)
        assertEquals(200, textFrom(attackerPhone, "SMattack0001", "merhaba, siparişim nerede?").statusCode());
        JsonNode attacker = eventually("the attacker's text is his own profile's", () -> profile("phone=" + URLEncoder.encode(attackerPhone,
                StandardCharsets.UTF_8)), p -> p != null && p.get("thread").size() == 1);
        assertNotEquals(known.get("id"), attacker.get("id"), "the phone is not hers");
        assertEquals(List.of("email:" + victim), identities(profile("email=" + victim)));

        // AND a team member answers her, choosing no channel, quoting her order
        HttpResponse<String> reply = api.post("/v1/replies", "application/json", runtime.apiKey(), """
                {"profileId":"%s","text":"Ayşe Hanım, 77 numaralı siparişinizin eksiği yarın gönderiliyor."}"""
                .formatted(known.get("id").asText()).getBytes(StandardCharsets.UTF_8));
        assertEquals(202, reply.statusCode(), reply.body());
        assertEquals("email", StrictJson.read(reply.body()).get("channel").asText(), "her only verified address");
        eventually("the reply goes to her by email", () -> outboxTo(victim), l -> !l.isEmpty());
        FeedbackPipelineIT.drain(runtime);
        assertTrue(outboxTo(attackerPhone).stream().noneMatch(m -> m.get("body").asText().contains("77")),
                "nothing of hers reaches the attacker's phone");
        // A claimed profile is never replied to: its identifiers were typed by an anonymous visitor
        HttpResponse<String> toClaim = api.post("/v1/replies", "application/json", runtime.apiKey(),
                ("{\"profileId\":\"" + claimed.get("id").asText() + "\",\"text\":\"Merhaba\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(409, toClaim.statusCode(), toClaim.body());
        assertEquals("unverified", StrictJson.read(toClaim.body()).get("reason").asText());
    }

    /** A script holding the public key cannot take an externalId the CRM will send, making the CRM's response a "repeat". */
    @Test
    void aWidgetExternalId_neverShadowsTheBusinesss() throws Exception {
        assertEquals(202, widget("""
                {"externalId":"crm-order-99","channel":"web","surveyId":"post-service","answers":[{"questionId":"nps","type":"nps","value":0}]}""")
                .statusCode());
        FeedbackPipelineIT.drain(runtime);
        HttpResponse<String> crm = api.postFeedback("""
                {"externalId":"crm-order-99","channel":"call_centre","customer":{"email":"can.crm@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":9}]}""");
        assertEquals(202, crm.statusCode());
        JsonNode can = eventually("the CRM's response is recorded", () -> profile("email=can.crm@example.com"),
                p -> p != null && p.get("responses").size() == 1);
        assertEquals(9, can.get("responses").get(0).get("answers").get(0).get("value").asInt());
    }

    /**
     * A visitor who gives their email in the widget is not lost: once a verified event names the same
     * email (the CRM, an API call), the claim is confirmed and its response shows on the customer's
     * timeline, marked as claimed; the claim's other identifiers never join the customer.
     */
    @Test
    void aClaim_isConfirmedByALaterVerifiedEvent_withoutJoiningItsOtherIdentifiers() throws Exception {
        String email = "deniz.visitor@example.com";
        HttpResponse<String> claim = widget("""
                {"channel":"web","surveyId":"post-service","customer":{"email":"%s","phone":"+905551110099","anonymousId":"cookie-deniz"},
                 "answers":[{"questionId":"nps","type":"nps","value":9},{"questionId":"comment","type":"text","value":"Site hızlı"}]}"""
                .formatted(email));
        assertEquals(202, claim.statusCode(), claim.body());
        FeedbackPipelineIT.drain(runtime);
        JsonNode pending = profile("email=" + email);
        assertEquals("claimed", pending.get("provenance").asText(), "until verified, the email leads to the claim");

        assertEquals(202, api.postFeedback("""
                {"externalId":"crm-deniz-1","channel":"api","customer":{"email":"%s","name":"Deniz"},
                 "answers":[{"questionId":"nps","type":"nps","value":7}]}""".formatted(email)).statusCode());
        JsonNode verified = eventually("the verified event confirms the claim", () -> profile("email=" + email),
                p -> p != null && p.get("provenance").asText().equals("verified") && p.get("responses").size() == 2);

        assertEquals(List.of("email:" + email), identities(verified), "the claim's phone and cookie stay the claim's");
        assertEquals(List.of(pending.get("id").asText()), StreamSupport.stream(verified.get("claimedFrom").spliterator(), false)
                .map(JsonNode::asText).toList());
        JsonNode claimedResponse = StreamSupport.stream(verified.get("responses").spliterator(), false)
                .filter(r -> r.get("channel").asText().equals("web")).findFirst().orElseThrow();
        assertEquals("claimed", claimedResponse.get("provenance").asText());
        assertTrue(StreamSupport.stream(verified.get("timeline").spliterator(), false)
                .anyMatch(e -> e.get("kind").asText().equals("response") && e.path("provenance").asText().equals("claimed")));
        assertFalse(identities(verified).contains("phone:+905551110099"));
    }
}
