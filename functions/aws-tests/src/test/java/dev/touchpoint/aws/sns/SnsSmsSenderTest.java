package dev.touchpoint.aws.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.aws.WireStub;
import dev.touchpoint.domain.invitation.OutgoingSms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;

/** SnsSmsSender against SNS's documented Query (form in, XML out) wire format for Publish. */
class SnsSmsSenderTest {

    private final WireStub aws = new WireStub();
    private final SnsSmsSender sender = new SnsSmsSender(SnsClients.create(aws.environmentFor("SNS")));

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void send_publishesATransactionalSmsFromTheOriginationNumber() {
        aws.server().stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("""
                        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult>
                          <ResponseMetadata><RequestId>d74b8436-ae13-5ab4-a9ff-ce54dfea72a0</RequestId></ResponseMetadata>
                        </PublishResponse>""")));

        String id = sender.send(new OutgoingSms("inv-1", "+905551112233", "Nasıldık? https://f.example.com/s/t RET yazın.",
                "+15550100", "tr"));

        assertEquals("567910cd-659e-55d4-8ccb-5aaf14679dc0", id);
        aws.server().verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=Publish"))
                .withRequestBody(containing("PhoneNumber=%2B905551112233"))
                .withRequestBody(containing("Message=Nas%C4%B1ld%C4%B1k%3F"))
                .withRequestBody(containing("AWS.SNS.SMS.SMSType"))
                .withRequestBody(containing("Transactional"))
                .withRequestBody(containing("AWS.MM.SMS.OriginationNumber"))
                .withRequestBody(containing("%2B15550100")));
    }

    @Test
    void send_invalidNumber_surfacesAsTheSdksException() {
        aws.server().stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml")
                .withBody("""
                        <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <Error><Type>Sender</Type><Code>InvalidParameter</Code>
                            <Message>Invalid parameter: PhoneNumber Reason: +1555 is not valid to publish to</Message></Error>
                          <RequestId>0e5f2c1a-8b3d-5e6f-9a0b-1c2d3e4f5a6b</RequestId>
                        </ErrorResponse>""")));

        assertThrows(InvalidParameterException.class, () -> sender.send(new OutgoingSms("inv-1", "+1555", "x", null, "en")));
    }
}
