package dev.touchpoint.wire.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.queue.UnreadableMessageException;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.wire.json.StrictJson;
import java.time.DateTimeException;
import java.time.Instant;

/** A {@link WebhookDelivery} as the webhook queue carries it: {@code {"kind":"webhook","id","endpoint","type","responseId","occurredAt"}}. */
public final class WebhookDeliveryJson {

    private WebhookDeliveryJson() {
    }

    public static String write(WebhookDelivery delivery) {
        return StrictJson.write(StrictJson.object().put("kind", WebhookDelivery.KIND).put("id", delivery.id())
                .put("endpoint", delivery.endpoint()).put("type", delivery.type()).put("responseId", delivery.responseId())
                .put("occurredAt", delivery.occurredAt().toString()));
    }

    public static WebhookDelivery read(JsonNode root) {
        String type = root.path("type").asText("");
        if (root.path("id").asText("").isEmpty() || root.path("endpoint").asText("").isEmpty()
                || root.path("responseId").asText("").isEmpty() || !(type.equals(WebhookDelivery.RECORDED) || type.equals(WebhookDelivery.UPDATED))) {
            throw new UnreadableMessageException("webhook delivery without id, endpoint, responseId or a known type");
        }
        try {
            return new WebhookDelivery(root.get("id").asText(), root.get("endpoint").asText(), type, root.get("responseId").asText(),
                    Instant.parse(root.path("occurredAt").asText()));
        } catch (DateTimeException e) {
            throw new UnreadableMessageException("webhook delivery without a valid occurredAt");
        }
    }
}
