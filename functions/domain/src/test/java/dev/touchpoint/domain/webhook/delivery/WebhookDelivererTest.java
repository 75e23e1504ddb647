package dev.touchpoint.domain.webhook.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.domain.fakes.InMemoryResponses;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.domain.webhook.WebhookEndpoint;
import dev.touchpoint.domain.webhook.WebhookFailedException;
import dev.touchpoint.domain.webhook.WebhookSignature;
import dev.touchpoint.domain.webhook.delivery.WebhookDeliverer.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One outgoing webhook, as the closed-loop function takes it off its queue, against the use case and in-memory ports. */
class WebhookDelivererTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final WebhookSignature SIGNATURE = WebhookSignature.fromSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    private record Post(URI url, Map<String, String> headers, String body) {
    }

    private final InMemoryResponses responses = new InMemoryResponses();
    private final List<Post> posts = new ArrayList<>();
    private int status = 204;
    private final WebhookDeliverer deliverer = new WebhookDeliverer(List.of(new WebhookEndpoint("crm", URI.create("https://crm.example/hooks"))),
            responses, SIGNATURE, (url, headers, body) -> {
                posts.add(new Post(url, headers, body));
                return status;
            }, (delivery, response, detractor) -> delivery.type() + " " + response.responseId() + " detractor=" + detractor,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRecordedResponse_isPostedSigned_withTheResponseReadNow() {
        responses.record(new ResponseRecord("r-1", "p-1", null, "sms", "store-kadikoy", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 3)), NOW.minusSeconds(30), NOW.minusSeconds(30), null, null, null, List.of()));
        assertEquals(Outcome.DELIVERED, deliverer.deliver(delivery("crm", "r-1")));
        Post post = posts.get(0);
        assertEquals(URI.create("https://crm.example/hooks"), post.url());
        assertEquals(SIGNATURE.sign("wh-1", NOW.getEpochSecond(), post.body()), post.headers().get("webhook-signature"));
        assertEquals("response.recorded r-1 detractor=true", post.body(), "a 3 is a detractor's score");
    }

    @Test
    void aReceiverThatAnswersBadly_failsTheDelivery_soTheQueueRetriesIt() {
        responses.record(new ResponseRecord("r-2", "p-1", null, "web", null, "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 9)), NOW, NOW, null, null, null, List.of()));
        status = 503;
        assertThrows(WebhookFailedException.class, () -> deliverer.deliver(delivery("crm", "r-2")));
    }

    @Test
    void aResponseErasedMeanwhile_orAnEndpointNoLongerConfigured_isNotPosted() {
        assertEquals(Outcome.RESPONSE_GONE, deliverer.deliver(delivery("crm", "r-gone")));
        assertEquals(Outcome.ENDPOINT_GONE, deliverer.deliver(delivery("helpdesk", "r-1")));
        assertEquals(List.of(), posts);
    }

    private static WebhookDelivery delivery(String endpoint, String responseId) {
        return new WebhookDelivery("wh-1", endpoint, WebhookDelivery.RECORDED, responseId, NOW.minusSeconds(20));
    }
}
