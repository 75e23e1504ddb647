package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's corpus of what customers send on messaging channels (events/corpus/cases.tsv):
 * photos with captions, voice notes, stickers, locations, contact cards, reactions, usernames without a
 * phone number, Messenger attachments and "Get Started", Twilio MMS and status callbacks. Each is
 * posted, signed, through the real webhook handlers and the processor into DynamoDB Local, and what
 * it became is read back from the sender's profile and the outbox.
 */
class ChannelCorpusIT {

    private static LocalRuntime runtime;
    private static LocalApi api;
    private static final List<String[]> CASES = new ArrayList<>();
    private static final String PUBLIC_URL = "https://feedback.example.com";

    @BeforeAll
    static void postEveryCase() throws Exception {
        Map<String, String> env = new HashMap<>(ProviderWebhooks.environment());
        env.put(Setting.API_KEY.variable(), "corpus-key");
        // A public URL on the default port, as behind a tunnel or in AWS, where Twilio may sign either form.
        env.put(Setting.PUBLIC_URL.variable(), PUBLIC_URL);
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, env));
        api = new LocalApi(runtime);
        ProviderWebhooks providers = ProviderWebhooks.of(runtime);
        SampleEventsIT.sample("corpus/cases.tsv").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(line -> CASES.add(line.split("\t", -1)));
        for (String[] row : CASES) {
            String body = SampleEventsIT.sample("corpus/" + row[0]);
            int status = row[0].startsWith("twilio/") ? providers.twilio(ChannelsIT.form(body)).statusCode()
                    : providers.meta(row[0].startsWith("messenger/") ? "/webhooks/messenger" : "/webhooks/whatsapp", body).statusCode();
            assertEquals(200, status, row[0] + " is acknowledged as the provider expects");
        }
        FeedbackPipelineIT.drain(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCase_becomesWhatItMust() {
        return CASES.stream().map(row -> DynamicTest.dynamicTest(row[0], () -> check(row)));
    }

    private static void check(String[] row) {
        if (row[1].startsWith("absent:")) {
            assertEquals(404, api.get("/v1/profiles?" + query(row[1].substring("absent:".length()))).statusCode(),
                    row[0] + " makes no profile");
            return;
        }
        JsonNode profile = StrictJson.read(api.get("/v1/profiles?" + query(row[1])).body());
        JsonNode inbound = StreamSupport.stream(profile.get("thread").spliterator(), false)
                .filter(e -> e.get("direction").asText().equals("inbound")).findFirst().orElseThrow();
        assertEquals(row[2], inbound.get("kind").asText(), "kind");
        assertEquals(row[3], inbound.get("text").asText(), "text");
        List<String> media = StreamSupport.stream(inbound.path("media").spliterator(), false).map(m -> m.get("kind").asText()).toList();
        assertEquals(row[4].equals("-") ? List.of() : List.of(row[4].split(",")), media, "media");
        inbound.path("media").forEach(m -> assertTrue(m.get("kind").asText().equals("contacts") || m.hasNonNull("reference"),
                "media is kept by its provider reference: " + m));
        List<JsonNode> replies = outboxTo(recipients(row[1]));
        if (row[5].equals("text-please")) {
            assertEquals(1, replies.size(), "one reply asks for text: " + replies);
            String reply = replies.get(0).get("body").asText();
            assertTrue(reply.startsWith("Teşekkürler. Fotoğraf") || reply.startsWith("Thank you. We cannot read"), reply);
        } else {
            assertEquals(List.of(), replies, "nothing is sent back");
        }
        assertEquals(Integer.parseInt(row[6]), profile.get("responses").size(), "responses");
    }

    /** A customer who shows WhatsApp only a username is found by the user id and answered at it. */
    @Test
    void aUsernameOnlyCustomer_isAnsweredAtTheirUserId() throws Exception {
        String message = SampleEventsIT.sample("corpus/whatsapp/username-only.json").replace("TR.1502576394655843", "TR.1502576394650000")
                .replace("wamid.corpus.username.0009", "wamid.corpus.username.reply");
        assertEquals(200, ProviderWebhooks.of(runtime).meta("/webhooks/whatsapp", message).statusCode());
        FeedbackPipelineIT.drain(runtime);
        JsonNode profile = StrictJson.read(api.get("/v1/profiles?whatsappUserId=TR.1502576394650000").body());
        assertEquals("Kerem", profile.get("name").asText(), "the profile name Meta sent");
        assertEquals(202, api.post("/v1/replies", "application/json", runtime.apiKey(), ("{\"profileId\":\"" + profile.get("id").asText()
                + "\",\"channel\":\"whatsapp\",\"text\":\"Siparişinize bakıyoruz\"}").getBytes(StandardCharsets.UTF_8)).statusCode());
        FeedbackPipelineIT.drain(runtime);
        assertEquals(1, outboxTo(Set.of("TR.1502576394650000")).size(), "the reply goes to the user id");
    }

    /** Phone and user id in one message are one person: either finds the same profile. */
    @Test
    void phoneAndUserId_areOneProfile() {
        JsonNode byUserId = StrictJson.read(api.get("/v1/profiles?whatsappUserId=TR.1100000000000010").body());
        JsonNode byPhone = StrictJson.read(api.get("/v1/profiles?phone=%2B905551110010").body());
        assertEquals(byPhone.get("id").asText(), byUserId.get("id").asText());
        List<String> types = StreamSupport.stream(byPhone.get("identities").spliterator(), false).map(i -> i.get("type").asText()).toList();
        assertTrue(types.containsAll(List.of("phone", "whatsappId", "whatsappUserId")), types.toString());
    }

    /** WhatsApp's old national form is the customer's E.164 number: their SMS and their WhatsApp message are one profile. */
    @Test
    void aBrazilianWhatsappIdWithoutItsNinthDigit_isTheSmsCustomer() throws Exception {
        ProviderWebhooks providers = ProviderWebhooks.of(runtime);
        assertEquals(200, providers.twilio(ProviderWebhooks.twilioSms("SMcorpusbrazil00000000000000000001", "+5521987650000", "Entrega rápida")).statusCode());
        assertEquals(200, providers.meta("/webhooks/whatsapp", ProviderWebhooks.whatsappText("wamid.corpus.brazil.sms", "552187650000", "Produto bom")).statusCode());
        FeedbackPipelineIT.drain(runtime);
        JsonNode profile = StrictJson.read(api.get("/v1/profiles?phone=%2B5521987650000").body());
        List<String> identities = StreamSupport.stream(profile.get("identities").spliterator(), false)
                .map(i -> i.get("type").asText() + "=" + i.get("value").asText()).toList();
        assertTrue(identities.containsAll(List.of("phone=+5521987650000", "whatsappId=552187650000")), identities.toString());
        assertEquals(2, profile.get("responses").size(), "both messages are on one history");
    }

    /** Twilio signs the URL it was given: with or without the scheme's default port, it is the same URL. */
    @Test
    void aTwilioSignatureOverTheUrlWithItsDefaultPort_isAccepted() throws Exception {
        ProviderWebhooks providers = ProviderWebhooks.of(runtime);
        Map<String, String> sms = ProviderWebhooks.twilioSms("SMcorpusport000000000000000000001", "+905551120009", "Kasiyer güler yüzlüydü");
        assertEquals(200, providers.twilio(sms, "https://feedback.example.com:443/webhooks/twilio").statusCode());
        assertEquals(403, providers.twilio(sms, "https://feedback.example.com:8443/webhooks/twilio").statusCode(), "another port is another URL");
    }

    /** A body over the cap says so: "invalid signature" would send an integrator hunting for a wrong secret. */
    @Test
    void aBodyOverTheSizeCap_is413() throws Exception {
        ProviderWebhooks providers = ProviderWebhooks.of(runtime);
        Map<String, String> longSms = ProviderWebhooks.twilioSms("SMcorpuslong000000000000000000001", "+905551120010", "ç".repeat(40_000));
        var twilio = providers.twilio(longSms);
        assertEquals(413, twilio.statusCode(), twilio.body());
        var meta = providers.meta("/webhooks/whatsapp",
                ProviderWebhooks.whatsappText("wamid.corpus.long", "905551120011", "a".repeat(300 * 1024)));
        assertEquals(413, meta.statusCode(), meta.body());
        FeedbackPipelineIT.drain(runtime);
        assertEquals(404, api.get("/v1/profiles?phone=%2B905551120010").statusCode(), "nothing of it is kept");
    }

    private static String query(String lookup) {
        int eq = lookup.indexOf('=');
        return lookup.substring(0, eq + 1) + URLEncoder.encode(lookup.substring(eq + 1), StandardCharsets.UTF_8);
    }

    /** Where a reply to this sender goes: a phone as +E.164 (SMS) or its WhatsApp id (no plus), or the id itself. */
    private static Set<String> recipients(String lookup) {
        String value = lookup.substring(lookup.indexOf('=') + 1);
        return value.startsWith("+") ? Set.of(value, value.substring(1)) : Set.of(value);
    }

    private static List<JsonNode> outboxTo(Set<String> recipients) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> recipients.contains(m.path("to").asText())).toList();
    }
}
