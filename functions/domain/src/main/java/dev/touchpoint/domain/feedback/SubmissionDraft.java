package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentObject;
import java.util.List;

/**
 * A feedback submission as its client sent it, field by field and not yet checked: what a JSON body
 * (the wire module's {@code SubmissionReader}) and a CSV row (the import) both become, so that one
 * {@link SubmissionCheck} judges them alike.
 */
public record SubmissionDraft(List<String> unknownFields, Sent externalId, Sent channel, Sent touchpoint, Sent surveyId,
                              SentObject customer, Answers answers, Sent submittedAt) {

    public SubmissionDraft {
        unknownFields = List.copyOf(unknownFields);
    }

    /** The answers as sent: nothing, not a list, or their drafts. */
    public record Answers(boolean sent, boolean isList, List<AnswerDraft> items) {

        public static final Answers ABSENT = new Answers(false, false, List.of());
        public static final Answers NOT_A_LIST = new Answers(true, false, List.of());

        public Answers {
            items = List.copyOf(items);
        }

        public static Answers of(List<AnswerDraft> items) {
            return new Answers(true, true, items);
        }
    }

    /** One answer as sent; {@link #NOT_AN_OBJECT} when it was not even an object. */
    public record AnswerDraft(boolean isObject, List<String> unknownFields, Sent questionId, Sent type, Sent value) {

        public static final AnswerDraft NOT_AN_OBJECT = new AnswerDraft(false, List.of(), Sent.ABSENT, Sent.ABSENT, Sent.ABSENT);

        public AnswerDraft {
            unknownFields = List.copyOf(unknownFields);
        }

        public static AnswerDraft of(List<String> unknownFields, Sent questionId, Sent type, Sent value) {
            return new AnswerDraft(true, unknownFields, questionId, type, value);
        }
    }
}
