package dev.touchpoint.domain.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.json.StrictJson;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * The queue's message body: {@code {"kind":"feedback","responseId":…,"idempotencyKey":…,"receivedAt":…,
 * "submission":{…contract shape…}}}. Decoding re-validates the submission, so a message edited in the
 * queue or the DLQ cannot smuggle in what the API would have refused.
 */
public final class QueueMessageCodec {

    public static final String FEEDBACK_KIND = "feedback";

    private final SubmissionReader reader;

    public QueueMessageCodec(SubmissionReader reader) {
        this.reader = reader;
    }

    public static String encode(FeedbackEvent event) {
        ObjectNode root = StrictJson.object();
        root.put("kind", FEEDBACK_KIND);
        root.put("responseId", event.responseId());
        root.put("idempotencyKey", event.idempotencyKey());
        root.put("receivedAt", event.receivedAt().toString());
        root.set("submission", SubmissionWriter.write(event.submission()));
        return StrictJson.write(root);
    }

    public FeedbackEvent decode(String body) {
        JsonNode root = StrictJson.read(body);
        if (!FEEDBACK_KIND.equals(root.path("kind").asText())) {
            throw new UnreadableMessageException("unknown message kind");
        }
        String key = root.path("idempotencyKey").asText("");
        if (key.isEmpty()) {
            throw new UnreadableMessageException("message without idempotencyKey");
        }
        FeedbackSubmission submission = reader.read(root.get("submission"));
        return new FeedbackEvent(FeedbackEvent.responseIdFor(key), key, submission, receivedAt(root));
    }

    private static Instant receivedAt(JsonNode root) {
        try {
            return Instant.parse(root.path("receivedAt").asText());
        } catch (DateTimeException e) {
            throw new UnreadableMessageException("message without a valid receivedAt");
        }
    }
}
