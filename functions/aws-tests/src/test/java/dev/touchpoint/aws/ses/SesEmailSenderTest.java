package dev.touchpoint.aws.ses;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.aws.WireStub;
import dev.touchpoint.domain.invitation.OutgoingEmail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/** SesEmailSender against SES v2's documented REST-JSON wire format for SendEmail. */
class SesEmailSenderTest {

    private final WireStub aws = new WireStub();
    private final SesEmailSender sender = new SesEmailSender(SesClients.create(aws.environmentFor("SESV2")));

    @AfterEach
    void stop() {
        aws.close();
    }

    private static OutgoingEmail email() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://f.example.com/s/tok?unsubscribe=1>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new OutgoingEmail("6f1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "ayse@example.com", "survey@example.com",
                "reply+tok@example.com", "Kısa bir soru", "<p>Merhaba</p>", "Merhaba", headers, "touchpoint-events", "tr");
    }

    @Test
    void send_postsEveryPartHeaderAndTag_andReturnsTheMessageId() {
        aws.server().stubFor(post(urlEqualTo("/v2/email/outbound-emails")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"MessageId\":\"010701934e6f1c2b-4e5f4a6b-8c7d-9e0f-1a2b-3c4d5e6f7a8b-000000\"}")));

        String id = sender.send(email());

        assertEquals("010701934e6f1c2b-4e5f4a6b-8c7d-9e0f-1a2b-3c4d5e6f7a8b-000000", id);
        aws.server().verify(postRequestedFor(urlEqualTo("/v2/email/outbound-emails")).withRequestBody(equalToJson("""
                {"FromEmailAddress":"survey@example.com",
                 "Destination":{"ToAddresses":["ayse@example.com"]},
                 "ReplyToAddresses":["reply+tok@example.com"],
                 "EmailTags":[{"Name":"invitationId","Value":"6f1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}],
                 "ConfigurationSetName":"touchpoint-events",
                 "Content":{"Simple":{
                   "Subject":{"Data":"Kısa bir soru","Charset":"UTF-8"},
                   "Body":{"Html":{"Data":"<p>Merhaba</p>","Charset":"UTF-8"},"Text":{"Data":"Merhaba","Charset":"UTF-8"}},
                   "Headers":[{"Name":"List-Unsubscribe","Value":"<https://f.example.com/s/tok?unsubscribe=1>"},
                              {"Name":"List-Unsubscribe-Post","Value":"List-Unsubscribe=One-Click"}]}}}""")));
    }

    @Test
    void send_rejectedBySes_surfacesAsTheSdksException() {
        aws.server().stubFor(post(urlEqualTo("/v2/email/outbound-emails")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", "MessageRejected")
                .withBody("{\"message\":\"Email address is not verified. The following identities failed the check in region EU-CENTRAL-1: survey@example.com\"}")));

        assertThrows(MessageRejectedException.class, () -> sender.send(email()));
    }
}
