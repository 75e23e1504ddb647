package dev.touchpoint.domain.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.json.StrictJson;
import dev.touchpoint.domain.queue.UnreadableMessageException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;

/**
 * One announcement to one endpoint, as the webhook queue carries it. It names the response, not its
 * content: the sender reads the response when it sends, so an erasure in between is respected and the
 * queue holds no personal data. {@code id} is the same for every attempt and every redelivery of the
 * same change, so a receiver can drop duplicates by it (it is the {@code webhook-id} header).
 */
public record WebhookDelivery(String id, String endpoint, String type, String responseId, Instant occurredAt) {

    public static final String RECORDED = "response.recorded";
    public static final String UPDATED = "response.updated";
    public static final String KIND = "webhook";

    /** The delivery of one change ({@code changeKey}) of a response to one endpoint: a name-based UUID. */
    public static WebhookDelivery of(String endpoint, String type, String responseId, String changeKey, Instant occurredAt) {
        String key = endpoint + "|" + responseId + "|" + changeKey;
        return new WebhookDelivery("msg_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)), endpoint, type,
                responseId, occurredAt);
    }

    public String toJson() {
        return StrictJson.write(StrictJson.object().put("kind", KIND).put("id", id).put("endpoint", endpoint).put("type", type)
                .put("responseId", responseId).put("occurredAt", occurredAt.toString()));
    }

    public static WebhookDelivery fromJson(JsonNode root) {
        String type = root.path("type").asText("");
        if (root.path("id").asText("").isEmpty() || root.path("endpoint").asText("").isEmpty()
                || root.path("responseId").asText("").isEmpty() || !(type.equals(RECORDED) || type.equals(UPDATED))) {
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
