package dev.touchpoint.domain.webhook;

import java.nio.charset.StandardCharsets;
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
}
