package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.feedback.SubmissionDraft.AnswerDraft;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.CustomerCheck;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.text.StorableText;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.domain.validation.Sent;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Use case: judge a submission as sent ({@link SubmissionDraft}) and make it a {@link FeedbackSubmission},
 * normalising as it goes and collecting every field error (pointers such as {@code /answers/0/value})
 * rather than stopping at the first. Unknown fields are refused: a typo such as {@code "answer"} must
 * not silently drop a customer's answers.
 */
public final class SubmissionCheck {

    public static final int MAX_ANSWERS = 50;
    public static final Set<String> FIELDS =
            Set.of("externalId", "channel", "touchpoint", "surveyId", "customer", "answers", "submittedAt");
    public static final Set<String> ANSWER_FIELDS = Set.of("questionId", "type", "value");
    /**
     * The earliest instant a response or an interaction may carry. Earlier dates are a client's bug (an
     * epoch of zero, a year typed as 1), not history: they would land the answer in a day no report
     * looks at.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Clocks drift; a submission stamped a little ahead is still believed. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private final IdentityNormalizer normalizer;
    private final CustomerCheck customers;
    private final Clock clock;

    public SubmissionCheck(IdentityNormalizer normalizer, Clock clock) {
        this.normalizer = normalizer;
        this.customers = new CustomerCheck(normalizer);
        this.clock = clock;
    }

    /** @throws InvalidSubmissionException naming every field at fault */
    public FeedbackSubmission check(SubmissionDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        FieldError.rejectUnknown(draft.unknownFields(), "", FIELDS, errors);
        String externalId = externalId(draft.externalId(), errors);
        Channel channel = channel(draft.channel(), errors);
        String touchpoint = slug(draft.touchpoint(), "/touchpoint", errors);
        String surveyId = slug(draft.surveyId(), "/surveyId", errors);
        Customer customer = customers.check(draft.customer(), "/customer", errors);
        List<Answer> answers = answers(draft.answers(), errors);
        Instant submittedAt = pastInstant(draft.submittedAt(), "/submittedAt", clock, errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new FeedbackSubmission(externalId, channel, touchpoint, surveyId, customer, answers, submittedAt);
    }

    /** What a body that is not even an object is told. */
    public static InvalidSubmissionException notAnObject() {
        return invalid(List.of(new FieldError("", "The body must be a JSON object (the feedback submission).")));
    }

    private static InvalidSubmissionException invalid(List<FieldError> errors) {
        return new InvalidSubmissionException("The feedback submission is not valid.", errors);
    }

    private static Channel channel(Sent sent, List<FieldError> errors) {
        if (sent.isAbsent()) {
            errors.add(new FieldError("/channel", "Required; one of " + Channel.allWireNames() + "."));
            return null;
        }
        Optional<Channel> channel = sent instanceof Sent.Text text ? Channel.fromWireName(text.value()) : Optional.empty();
        if (channel.isEmpty()) {
            errors.add(new FieldError("/channel", "Must be one of " + Channel.allWireNames() + "."));
        }
        return channel.orElse(null);
    }

    private static String slug(Sent sent, String at, List<FieldError> errors) {
        String text = CustomerCheck.text(sent, at, errors);
        if (text == null) {
            return null;
        }
        String slug = text.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            errors.add(new FieldError(at,
                    "Must be 1 to 64 characters: letters a-z, digits, '.', '_' or '-', starting with a letter or digit."));
            return null;
        }
        return slug;
    }

    private String externalId(Sent sent, List<FieldError> errors) {
        String text = CustomerCheck.text(sent, "/externalId", errors);
        if (text == null) {
            return null;
        }
        Optional<Identity> id = normalizer.opaque(IdentityType.EXTERNAL_ID, text);
        if (id.isEmpty()) {
            errors.add(new FieldError("/externalId", "Must be 1 to 128 characters of letters, digits and . _ : @ + - /"));
            return null;
        }
        return id.get().value();
    }

    private static List<Answer> answers(SubmissionDraft.Answers sent, List<FieldError> errors) {
        if (!sent.sent()) {
            errors.add(new FieldError("/answers", "Required: an array of 1 to " + MAX_ANSWERS + " answers."));
            return List.of();
        }
        if (!sent.isList() || sent.items().isEmpty() || sent.items().size() > MAX_ANSWERS) {
            errors.add(new FieldError("/answers", "Must be an array of 1 to " + MAX_ANSWERS + " answers."));
            return List.of();
        }
        List<Answer> answers = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        for (int i = 0; i < sent.items().size(); i++) {
            Answer answer = answer(sent.items().get(i), "/answers/" + i, errors);
            if (answer != null && !questionIds.add(answer.questionId())) {
                errors.add(new FieldError("/answers/" + i + "/questionId", "Each question may be answered once."));
            } else if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private static Answer answer(AnswerDraft draft, String at, List<FieldError> errors) {
        if (!draft.isObject()) {
            errors.add(new FieldError(at, "Must be an object with questionId, type and value."));
            return null;
        }
        int before = errors.size();
        FieldError.rejectUnknown(draft.unknownFields(), at, ANSWER_FIELDS, errors);
        String questionId = questionId(draft.questionId(), at, errors);
        AnswerType type = answerType(draft.type(), at, errors);
        if (draft.value().isAbsent()) {
            errors.add(new FieldError(at + "/value", "Required."));
            return null;
        }
        if (type == null) {
            return null;
        }
        Answer answer = type.isScored() ? scored(questionId, type, draft.value(), at, errors)
                : textual(questionId, type, draft.value(), at, errors);
        return errors.size() == before ? answer : null;
    }

    private static String questionId(Sent sent, String at, List<FieldError> errors) {
        int before = errors.size();
        String slug = slug(sent, at + "/questionId", errors);
        if (slug == null && errors.size() == before) {
            errors.add(new FieldError(at + "/questionId", "Required."));
        }
        return slug;
    }

    private static AnswerType answerType(Sent sent, String at, List<FieldError> errors) {
        Optional<AnswerType> type = sent instanceof Sent.Text text ? AnswerType.fromWireName(text.value()) : Optional.empty();
        if (type.isEmpty()) {
            errors.add(new FieldError(at + "/type", "Must be one of " + AnswerType.allWireNames() + "."));
        }
        return type.orElse(null);
    }

    private static Answer scored(String questionId, AnswerType type, Sent value, String at, List<FieldError> errors) {
        String range = "an integer from " + type.min() + " to " + type.max();
        if (!(value instanceof Sent.Whole whole) || whole.value() != (int) whole.value() || !type.accepts((int) whole.value())) {
            errors.add(new FieldError(at + "/value", "A " + type.wireName() + " answer must be " + range + "."));
            return null;
        }
        return questionId == null ? null : Answer.scored(questionId, type, (int) whole.value());
    }

    private static Answer textual(String questionId, AnswerType type, Sent value, String at, List<FieldError> errors) {
        int max = type == AnswerType.CHOICE ? Answer.MAX_CHOICE_LENGTH : Answer.MAX_TEXT_LENGTH;
        String text = value instanceof Sent.Text sent ? sent.value().strip() : null;
        if (text == null || text.isEmpty() || text.length() > max || text.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(at + "/value",
                    "A " + type.wireName() + " answer must be a non-empty string of at most " + max + " characters."));
            return null;
        }
        if (!StorableText.isAcceptable(text)) {
            errors.add(new FieldError(at + "/value", StorableText.PROBLEM));
            return null;
        }
        return questionId == null ? null : Answer.text(questionId, type, text);
    }

    /** An ISO-8601 instant from {@link #EARLIEST} to now (plus clock skew), or null with an error added. */
    public static Instant pastInstant(Sent sent, String at, Clock clock, List<FieldError> errors) {
        String raw = CustomerCheck.text(sent, at, errors);
        if (raw == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(raw.trim()).toInstant();
            if (instant.isAfter(clock.instant().plus(ALLOWED_CLOCK_SKEW))) {
                errors.add(new FieldError(at, "Must not lie in the future."));
                return null;
            }
            if (instant.isBefore(EARLIEST)) {
                errors.add(new FieldError(at, "Must not lie before 2000-01-01T00:00:00Z."));
                return null;
            }
            return instant;
        } catch (DateTimeException e) {
            errors.add(new FieldError(at, "Must be an ISO-8601 date-time with an offset, such as 2026-11-23T10:15:00Z."));
            return null;
        }
    }
}
