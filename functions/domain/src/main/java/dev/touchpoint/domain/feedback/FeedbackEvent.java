package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.queue.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A submission accepted by an ingest function and on its way through the queue: the one normalised
 * form every channel produces. {@code idempotencyKey} identifies the submission however often it is
 * delivered; {@code responseId} is derived from it under the deployment's secret ({@link KeyedHashes}),
 * so every retry names the same response but the caller cannot compute it from its own ids.
 * {@code invitationId} is set when the answer belongs to a survey invitation (then the key is the
 * invitation's, so one invitation yields at most one response, whatever channel answers it).
 */
public record FeedbackEvent(String responseId, String idempotencyKey, FeedbackSubmission submission, Instant receivedAt,
                            String invitationId) implements QueueMessage {

    public FeedbackEvent {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(submission, "submission");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public static FeedbackEvent accept(FeedbackSubmission submission, String idempotencyKey, KeyedHashes ids, Instant receivedAt) {
        return new FeedbackEvent(ids.responseId(idempotencyKey), idempotencyKey, submission, receivedAt, null);
    }

    /** An answer to an invitation: keyed by the invitation, so a second answer is the same response. */
    public static FeedbackEvent answering(String invitationId, FeedbackSubmission submission, Instant receivedAt) {
        String key = "invitation:" + invitationId;
        return new FeedbackEvent(responseIdFor(key), key, submission, receivedAt, invitationId);
    }

    /**
     * A name-based UUID: the same key always gives the same response id, on any machine. For keys made of
     * our own ids (an invitation's, a provider's message id), which no caller chose; a caller's own ids
     * go through {@link KeyedHashes}.
     */
    public static String responseIdFor(String idempotencyKey) {
        return UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** When the customer answered: what the channel said, else when we received it. */
    public Instant answeredAt() {
        return submission.submittedAt() != null ? submission.submittedAt() : receivedAt;
    }

    @Override
    public String correlationId() {
        return responseId;
    }
}
