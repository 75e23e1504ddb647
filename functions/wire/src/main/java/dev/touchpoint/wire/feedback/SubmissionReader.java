package dev.touchpoint.wire.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.SubmissionCheck;
import dev.touchpoint.domain.feedback.SubmissionDraft;
import dev.touchpoint.domain.feedback.SubmissionDraft.AnswerDraft;
import dev.touchpoint.domain.feedback.SubmissionDraft.Answers;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.wire.identity.CustomerReader;
import dev.touchpoint.wire.json.Members;
import dev.touchpoint.wire.json.UnknownFields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the contract's feedback submission from a JSON tree into what was sent
 * ({@link SubmissionDraft}), and has the domain's {@link SubmissionCheck} judge it: every field error
 * at once, as JSON pointers.
 */
public final class SubmissionReader {

    private final SubmissionCheck check;

    public SubmissionReader(IdentityNormalizer normalizer, Clock clock) {
        this.check = new SubmissionCheck(normalizer, clock);
    }

    /** @throws InvalidSubmissionException naming every field at fault */
    public FeedbackSubmission read(JsonNode root) {
        return check.check(draft(root));
    }

    /**
     * The submission as sent.
     *
     * @throws InvalidSubmissionException when the body is not even an object
     */
    public static SubmissionDraft draft(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw SubmissionCheck.notAnObject();
        }
        return new SubmissionDraft(UnknownFields.in(root, SubmissionCheck.FIELDS), Members.sent(root.get("externalId")),
                Members.sent(root.get("channel")), Members.sent(root.get("touchpoint")), Members.sent(root.get("surveyId")),
                CustomerReader.sentObject(root.get("customer")), answers(root.get("answers")),
                Members.sent(root.get("submittedAt")));
    }

    private static Answers answers(JsonNode node) {
        if (node == null || node.isNull()) {
            return Answers.ABSENT;
        }
        if (!node.isArray()) {
            return Answers.NOT_A_LIST;
        }
        List<AnswerDraft> answers = new ArrayList<>();
        node.forEach(answer -> answers.add(answer.isObject()
                ? AnswerDraft.of(UnknownFields.in(answer, SubmissionCheck.ANSWER_FIELDS), Members.sent(answer.get("questionId")),
                        Members.sent(answer.get("type")), Members.sent(answer.get("value")))
                : AnswerDraft.NOT_AN_OBJECT));
        return Answers.of(answers);
    }
}
