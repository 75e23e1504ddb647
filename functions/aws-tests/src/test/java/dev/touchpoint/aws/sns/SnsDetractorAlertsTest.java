package dev.touchpoint.aws.sns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import dev.touchpoint.aws.WireStub;
import dev.touchpoint.domain.response.DetractorAlerts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Detractor alerts against SNS's documented Query wire format for Publish to a topic. */
class SnsDetractorAlertsTest {

    private final WireStub aws = new WireStub();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void raise_publishesJsonToTheTopicWithFilterableAttributes() {
        aws.server().stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("""
                        <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                          <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
                          <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
                        </PublishResponse>""")));

        new SnsDetractorAlerts(SnsClients.create(aws.environmentFor("SNS")), "arn:aws:sns:eu-central-1:123456789012:touchpoint-alerts")
                .raise(new DetractorAlerts.DetractorAlert("r-1", "p-1", "sms", "store-1", "post-service", "nps", "nps", 3));

        aws.server().verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("Action=Publish"))
                .withRequestBody(containing("TopicArn=arn%3Aaws%3Asns%3Aeu-central-1%3A123456789012%3Atouchpoint-alerts"))
                .withRequestBody(containing("%22responseId%22%3A%22r-1%22"))
                .withRequestBody(containing(".Name=channel"))
                .withRequestBody(containing(".Name=score"))
                .withRequestBody(notContaining("PhoneNumber")));
    }
}
