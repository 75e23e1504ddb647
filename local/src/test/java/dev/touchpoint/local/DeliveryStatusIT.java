package dev.touchpoint.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our replies' fate on the thread: with Twilio configured (a stand-in answering as Twilio's API
 * documents, refusals included), a reply Twilio refuses for good is recorded failed with its code and
 * never parked in the DLQ, a carrier opt-out (21610) opts the customer out; Twilio's status callbacks
 * and WhatsApp's statuses (through Meta's Graph API, on the same stand-in) move a sent reply to
 * delivered and read, never back, or record Meta's refusal.
 */
class DeliveryStatusIT {

    private static final String MESSAGES = "/2010-04-01/Accounts/AC00000000000000000000000000000009/Messages.json";
    private static WireMockServer twilio;
    private static LocalRuntime runtime;
    private static LocalApi api;
    private static ProviderWebhooks providers;

    @BeforeAll
    static void start() throws Exception {
        twilio = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        Map<String, String> env = new HashMap<>(ProviderWebhooks.environment());
        env.put(Setting.API_KEY.variable(), "delivery-key");
        env.put(Setting.TWILIO_ACCOUNT_SID.variable(), "AC00000000000000000000000000000009");
        env.put(Setting.TWILIO_API_URL.variable(), twilio.baseUrl());
        env.put(Setting.TWILIO_SMS_FROM.variable(), "+15017122661");
        env.put(Setting.TWILIO_WHATSAPP_FROM.variable(), "whatsapp:+15017122661");
        // Meta's Graph API, on the same stand-in: WhatsApp Cloud replies go to /{phone-number-id}/messages.
        env.put(Setting.META_ACCESS_TOKEN.variable(), "meta-test-access-token");
        env.put(Setting.META_PHONE_NUMBER_ID.variable(), "106540352242922");
        env.put(Setting.META_GRAPH_URL.variable(), twilio.baseUrl() + "/v21.0");
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, env));
        api = new LocalApi(runtime);
        providers = ProviderWebhooks.of(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
        twilio.stop();
    }

    @Test
    void aCarrierOptOut_isRecordedFailed_optsTheCustomerOut_andParksNothing() throws Exception {
        String phone = "+905554440001";
        twilio.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(containing("To=%2B905554440001")).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\",\"status\":400}")));
        String profileId = customerWrites(phone, "SMdelivery0001");

        assertEquals(202, reply(profileId, "sms", "Size nasıl yardımcı olabiliriz?"));
        JsonNode reply = eventually("the refusal is on the thread", () -> outbound(phone), r -> r != null && r.has("delivery"));
        assertEquals("failed", reply.get("delivery").get("status").asText());
        assertEquals("21610", reply.get("delivery").get("errorCode").asText());
        assertEquals(List.of("sms"), consent(phone));
        assertEquals(0, runtime.queueDepth(runtime.queues().deadLetterUrl()).total(), "nothing is parked in the DLQ");
    }

    @Test
    void outsideTheWhatsappWindow_isRecordedFailed_andTheCustomerStaysIn() throws Exception {
        String phone = "+905554440002";
        twilio.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(containing("To=whatsapp%3A%2B905554440002"))
                .willReturn(aResponse().withStatus(400).withBody("{\"code\":63016,\"message\":\"Failed to send freeform message because "
                        + "you are outside the allowed window.\",\"status\":400}")));
        Map<String, String> whatsapp = ProviderWebhooks.twilioSms("SMdelivery0002", "whatsapp:" + phone, "Merhaba");
        whatsapp.put("WaId", phone.substring(1));
        assertEquals(200, providers.twilio(whatsapp).statusCode());
        String profileId = eventually("the customer is known", () -> profile(phone), p -> p != null).get("id").asText();

        assertEquals(202, reply(profileId, "whatsapp", "Merhaba, nasıl yardımcı olabiliriz?"));
        JsonNode reply = eventually("the refusal is on the thread", () -> outbound(phone), r -> r != null && r.has("delivery"));
        assertEquals("63016", reply.get("delivery").get("errorCode").asText());
        assertEquals(List.of(), consent(phone), "a closed window is no opt-out");
    }

    @Test
    void statusCallbacks_moveASentReplyForward_neverBack() throws Exception {
        String phone = "+905554440003";
        twilio.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(containing("To=%2B905554440003")).willReturn(aResponse().withStatus(201)
                .withBody("{\"sid\":\"SMreply00000000000000000000000003\",\"status\":\"queued\"}")));
        String profileId = customerWrites(phone, "SMdelivery0003");

        assertEquals(202, reply(profileId, "sms", "Teşekkürler, iletildi."));
        eventually("the reply is sent", () -> outbound(phone), r -> r != null && r.has("delivery")
                && r.get("delivery").get("status").asText().equals("sent"));
        assertEquals(200, providers.twilio(status("SMreply00000000000000000000000003", "delivered", null)).statusCode());
        eventually("delivered", () -> outbound(phone), r -> r.get("delivery").get("status").asText().equals("delivered"));
        assertEquals(200, providers.twilio(status("SMreply00000000000000000000000003", "sent", null)).statusCode());
        FeedbackPipelineIT.drain(runtime);
        assertEquals("delivered", outbound(phone).get("delivery").get("status").asText(), "a late 'sent' changes nothing");
        assertEquals(404, api.get("/v1/profiles?phone=%2B15017122661").statusCode(), "our own number is nobody");
    }

    /** WhatsApp Cloud: the reply Meta took is delivered then read; one Meta could not deliver (131047) is failed. */
    @Test
    void whatsappStatuses_showOnTheReplyTheyBelongTo() throws Exception {
        String delivered = "905554440004";
        String refused = "905554440005";
        for (String number : List.of(delivered, refused)) {
            twilio.stubFor(post(urlEqualTo("/v21.0/106540352242922/messages")).withRequestBody(containing("\"to\":\"" + number + "\""))
                    .willReturn(aResponse().withStatus(200).withHeader("content-type", "application/json").withBody(
                            "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + number + "\",\"wa_id\":\"" + number
                                    + "\"}],\"messages\":[{\"id\":\"wamid.reply." + number + "\"}]}")));
            assertEquals(200, providers.meta("/webhooks/whatsapp", ProviderWebhooks.whatsappText("wamid.in." + number, number, "Kargom nerede?")).statusCode());
            String profileId = eventually("the customer is known", () -> profile("+" + number), p -> p != null).get("id").asText();
            assertEquals(202, reply(profileId, "whatsapp", "Kargonuz yolda."));
            eventually("the reply is sent", () -> outbound("+" + number), r -> r != null && r.has("delivery"));
        }
        assertEquals(200, providers.meta("/webhooks/whatsapp", metaStatus("wamid.reply." + delivered, delivered, "delivered", "")).statusCode());
        assertEquals(200, providers.meta("/webhooks/whatsapp", metaStatus("wamid.reply." + delivered, delivered, "read", "")).statusCode());
        assertEquals(200, providers.meta("/webhooks/whatsapp", metaStatus("wamid.reply." + refused, refused, "failed",
                ",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\"}]")).statusCode());
        FeedbackPipelineIT.drain(runtime);
        assertEquals("read", outbound("+" + delivered).get("delivery").get("status").asText());
        JsonNode failed = outbound("+" + refused).get("delivery");
        assertEquals("failed", failed.get("status").asText());
        assertEquals("131047", failed.get("errorCode").asText());
        assertEquals(List.of(), consent("+" + refused), "a closed window is no opt-out");
    }

    /** A WhatsApp Cloud API status of a message we sent, as its webhook carries it. */
    private static String metaStatus(String messageId, String recipient, String status, String errors) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"%s"%s}]},
                  "field":"messages"}]}]}""".formatted(messageId, status, java.time.Instant.now().getEpochSecond(), recipient, errors);
    }

    private static String customerWrites(String phone, String sid) throws Exception {
        assertEquals(200, providers.twilio(ProviderWebhooks.twilioSms(sid, phone, "Kargom nerede?")).statusCode());
        return eventually("the customer is known", () -> profile(phone), p -> p != null).get("id").asText();
    }

    private static int reply(String profileId, String channel, String text) {
        return api.post("/v1/replies", "application/json", runtime.apiKey(), ("{\"profileId\":\"" + profileId + "\",\"channel\":\""
                + channel + "\",\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8)).statusCode();
    }

    /** A Twilio status callback, as Twilio posts it to the StatusCallback URL of a message we sent. */
    private static Map<String, String> status(String sid, String status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        params.put("SmsSid", sid);
        params.put("SmsStatus", status);
        params.put("MessageStatus", status);
        params.put("To", "+905554440003");
        params.put("MessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000009");
        params.put("From", "+15017122661");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    private static JsonNode profile(String phone) {
        var response = api.get("/v1/profiles?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
    }

    private static JsonNode outbound(String phone) {
        JsonNode profile = profile(phone);
        return profile == null ? null : StreamSupport.stream(profile.get("thread").spliterator(), false)
                .filter(e -> e.get("direction").asText().equals("outbound")).findFirst().orElse(null);
    }

    private static List<String> consent(String phone) {
        return StreamSupport.stream(profile(phone).get("consent").get("optedOut").spliterator(), false).map(JsonNode::asText).toList();
    }
}
