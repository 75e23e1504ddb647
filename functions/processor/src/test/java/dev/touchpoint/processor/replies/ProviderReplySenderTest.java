package dev.touchpoint.processor.replies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.http.replies.ReplyFailedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies against the providers' documented request and answer shapes (Twilio Messages API, Meta Graph API). */
class ProviderReplySenderTest {

    private WireMockServer provider;
    private ProviderReplySender replies;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        provider.start();
        replies = new ProviderReplySender(Environment.of(Map.of(
                "AWS_REGION", "eu-central-1",
                Setting.TWILIO_API_URL.variable(), provider.baseUrl(), Setting.TWILIO_ACCOUNT_SID.variable(), "AC00000000000000000000000000000001",
                Setting.TWILIO_AUTH_TOKEN.variable(), "token", Setting.TWILIO_SMS_FROM.variable(), "+15550100",
                Setting.TWILIO_WHATSAPP_FROM.variable(), "whatsapp:+15550101",
                Setting.META_GRAPH_URL.variable(), provider.baseUrl(), Setting.META_ACCESS_TOKEN.variable(), "EAAG-test",
                Setting.META_PHONE_NUMBER_ID.variable(), "106540352242922")));
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void twilioWhatsapp_postsFormWithBasicAuthFromOurWhatsappSender() {
        provider.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("content-type", "application/json")
                        .withBody("{\"sid\":\"SM2f1c0f3a\",\"status\":\"queued\",\"to\":\"whatsapp:+905559876543\"}")));

        assertEquals(new SendOutcome.Sent("SM2f1c0f3a"), replies.reply("whatsapp", "twilio", "+905559876543", "Teşekkürler!"));

        provider.verify(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json"))
                .withHeader("authorization", equalTo("Basic QUMwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMTp0b2tlbg=="))
                .withRequestBody(containing("To=whatsapp%3A%2B905559876543"))
                .withRequestBody(containing("From=whatsapp%3A%2B15550101"))
                .withRequestBody(containing("Body=Te%C5%9Fekk%C3%BCrler%21")));
    }

    @Test
    void metaWhatsapp_andMessenger_postTheGraphApiShapes() {
        provider.stubFor(post(urlEqualTo("/106540352242922/messages")).willReturn(aResponse().withStatus(200)
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"905559876543\",\"wa_id\":\"905559876543\"}],"
                        + "\"messages\":[{\"id\":\"wamid.HBgM\"}]}")));
        provider.stubFor(post(urlEqualTo("/me/messages")).willReturn(aResponse().withStatus(200)
                .withBody("{\"recipient_id\":\"24680135792468013\",\"message_id\":\"m_AG5Hz2Uq\"}")));

        assertEquals(new SendOutcome.Sent("wamid.HBgM"), replies.reply("whatsapp", "meta", "905559876543", "Thank you!"));
        assertEquals(new SendOutcome.Sent("m_AG5Hz2Uq"), replies.reply("messenger", "meta", "24680135792468013", "Thank you!"));

        provider.verify(postRequestedFor(urlEqualTo("/106540352242922/messages")).withHeader("authorization", equalTo("Bearer EAAG-test"))
                .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"905559876543\",\"type\":\"text\",\"text\":{\"body\":\"Thank you!\"}}")));
        provider.verify(postRequestedFor(urlEqualTo("/me/messages")).withRequestBody(equalToJson(
                "{\"recipient\":{\"id\":\"24680135792468013\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Thank you!\"}}")));
    }

    /** A customer who shows only a username has no number: the reply names their business-scoped user id. */
    @Test
    void metaWhatsapp_toAUserId_usesTheRecipientField() {
        provider.stubFor(post(urlEqualTo("/106540352242922/messages")).willReturn(aResponse().withStatus(200)
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"TR.1502576394655843\","
                        + "\"user_id\":\"TR.1502576394655843\"}],\"messages\":[{\"id\":\"wamid.HBgN\"}]}")));

        replies.reply("whatsapp", "meta", "TR.1502576394655843", "Teşekkürler");

        provider.verify(postRequestedFor(urlEqualTo("/106540352242922/messages")).withRequestBody(equalToJson(
                "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"recipient\":\"TR.1502576394655843\","
                        + "\"type\":\"text\",\"text\":{\"body\":\"Teşekkürler\"}}")));
    }

    /** The refusals no retry can change, from each provider's documented error answers: recorded, not retried. */
    @Test
    void permanentRefusals_areOutcomes_withTheProvidersCode() {
        provider.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json"))
                .withRequestBody(containing("To=%2B905550000001")).willReturn(aResponse().withStatus(400)
                        .withBody("{\"code\":21610,\"message\":\"Attempt to send to unsubscribed recipient\","
                                + "\"more_info\":\"https://www.twilio.com/docs/errors/21610\",\"status\":400}")));
        provider.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json"))
                .withRequestBody(containing("To=whatsapp%3A%2B905550000002")).willReturn(aResponse().withStatus(400)
                        .withBody("{\"code\":63016,\"message\":\"Failed to send freeform message because you are outside the allowed "
                                + "window.\",\"more_info\":\"https://www.twilio.com/docs/errors/63016\",\"status\":400}")));
        provider.stubFor(post(urlEqualTo("/106540352242922/messages")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\",\"code\":131047,"
                        + "\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to send because more than "
                        + "24 hours have passed since the customer last replied to this number.\"},\"fbtrace_id\":\"AbCdEf\"}}")));

        SendOutcome unsubscribed = replies.reply("sms", "twilio", "+905550000001", "Teşekkürler");
        assertEquals(new SendOutcome.Refused("21610", "the recipient unsubscribed (replied STOP to our number)", true), unsubscribed);
        SendOutcome window = replies.reply("whatsapp", "twilio", "+905550000002", "Teşekkürler");
        assertEquals("63016", ((SendOutcome.Refused) window).code());
        SendOutcome reengage = replies.reply("whatsapp", "meta", "905550000003", "Thanks");
        assertEquals("131047", ((SendOutcome.Refused) reengage).code());
    }

    /** Throttling and the provider's own failures are tried again: the message is retried, not refused. */
    @Test
    void throttlingAndProviderFailures_areRetried() {
        provider.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages.json"))
                .willReturn(aResponse().withStatus(429).withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}")));
        provider.stubFor(post(urlEqualTo("/106540352242922/messages")).willReturn(aResponse().withStatus(500)
                .withBody("{\"error\":{\"message\":\"An unknown error occurred\",\"type\":\"OAuthException\",\"code\":131000}}")));

        assertThrows(ReplyFailedException.class, () -> replies.reply("sms", "twilio", "+905550000001", "x"));
        assertThrows(ReplyFailedException.class, () -> replies.reply("whatsapp", "meta", "905550000003", "x"));
    }

    @Test
    void providerRefusal_failsTheReplyLoudly() {
        provider.stubFor(post(urlEqualTo("/me/messages")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"(#100) No matching user found\",\"type\":\"OAuthException\",\"code\":100}}")));
        assertThrows(ReplyFailedException.class, () -> replies.reply("messenger", "meta", "1", "x"));
    }

    /** A provider whose settings are absent refuses like a provider would: recorded as failed with its reason, nothing sent. */
    @Test
    void aProviderWithoutItsSettings_refusesTheReply_withItsReason() {
        ProviderReplySender unconfigured = new ProviderReplySender(Environment.of(Map.of("AWS_REGION", "eu-central-1")));
        assertEquals(new SendOutcome.Refused("not-configured", "no twilio sender is configured", false),
                unconfigured.reply("sms", "twilio", "+905550000001", "x"));
        assertEquals(new SendOutcome.Refused("not-configured", "no meta sender is configured", false),
                unconfigured.reply("whatsapp", "meta", "905550000003", "x"));
        assertEquals(List.of(), provider.getAllServeEvents(), "nothing reached a provider");
    }
}
