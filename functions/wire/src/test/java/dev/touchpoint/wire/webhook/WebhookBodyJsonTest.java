package dev.touchpoint.wire.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body a webhook receiver parses (docs/webhooks.md): its type, when, the response as it is now, and the detractor flag. */
class WebhookBodyJsonTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aDelivery_namesItsType_andCarriesTheResponse_withItsProfile() {
        ResponseRecord response = new ResponseRecord("r-1", "p-1", null, "sms", "store-kadikoy", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 3)), NOW.minusSeconds(30), NOW.minusSeconds(30), null, null, null, List.of());
        WebhookDelivery delivery = new WebhookDelivery("wh-1", "crm", WebhookDelivery.RECORDED, "r-1", NOW.minusSeconds(20));

        JsonNode body = StrictJson.read(new WebhookBodyJson().write(delivery, response, true));

        assertEquals("response.recorded", body.get("type").asText());
        assertEquals("2026-12-07T09:59:40Z", body.get("timestamp").asText());
        assertEquals("r-1", body.path("data").path("response").path("id").asText());
        assertEquals("p-1", body.path("data").path("response").path("profileId").asText());
        assertEquals(3, body.path("data").path("response").path("answers").path(0).path("value").asInt());
        assertTrue(body.path("data").path("detractor").asBoolean());
        assertFalse(StrictJson.read(new WebhookBodyJson().write(delivery, response, false)).path("data").path("detractor").asBoolean());
    }
}
