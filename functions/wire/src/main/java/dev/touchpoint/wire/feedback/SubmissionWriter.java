package dev.touchpoint.wire.feedback;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.wire.json.StrictJson;

/**
 * Writes a submission back in the contract's shape, fields always in the same order, so that the
 * same submission always gives the same text (the content hash of idempotency relies on it) and
 * {@link SubmissionReader} reads back exactly what was written.
 */
public final class SubmissionWriter {

    private SubmissionWriter() {
    }

    /** The canonical text a submission's content key hashes ({@code SubmissionContent}): its JSON, fields in one order. */
    public static String canonical(FeedbackSubmission submission) {
        return StrictJson.write(write(submission));
    }

    public static ObjectNode write(FeedbackSubmission submission) {
        ObjectNode root = StrictJson.object();
        putIfPresent(root, "externalId", submission.externalId());
        root.put("channel", submission.channel().wireName());
        putIfPresent(root, "touchpoint", submission.touchpoint());
        putIfPresent(root, "surveyId", submission.surveyId());
        if (!isEmpty(submission.customer())) {
            root.set("customer", customer(submission.customer()));
        }
        ArrayNode answers = root.putArray("answers");
        submission.answers().forEach(answer -> answers.add(answer(answer)));
        if (submission.submittedAt() != null) {
            root.put("submittedAt", submission.submittedAt().toString());
        }
        return root;
    }

    private static boolean isEmpty(Customer customer) {
        return customer.isAnonymous() && customer.name() == null && customer.locale() == null && customer.timeZone() == null;
    }

    private static ObjectNode customer(Customer customer) {
        ObjectNode node = StrictJson.object();
        for (Identity identity : customer.identities()) {
            node.put(identity.type().wireName(), identity.value());
        }
        putIfPresent(node, "name", customer.name());
        putIfPresent(node, "locale", customer.locale());
        putIfPresent(node, "timeZone", customer.timeZone());
        return node;
    }

    public static ObjectNode answer(Answer answer) {
        ObjectNode node = StrictJson.object();
        node.put("questionId", answer.questionId());
        node.put("type", answer.type().wireName());
        if (answer.type().isScored()) {
            node.put("value", answer.score());
        } else {
            node.put("value", answer.text());
        }
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
