package dev.touchpoint.wire.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.text.StorableText;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.identity.CustomerReader;
import dev.touchpoint.wire.json.UnknownFields;
import dev.touchpoint.wire.json.UnstorableText;
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
 * Reads the contract's feedback submission from a JSON tree, normalising as it goes and collecting
 * every field error (as JSON pointers) rather than stopping at the first. Unknown fields are refused:
 * a typo such as {@code "answer"} must not silently drop a customer's answers.
 */
public final class SubmissionReader {

    public static final int MAX_ANSWERS = 50;
    public static final int MAX_TEXT_LENGTH = Answer.MAX_TEXT_LENGTH;
    public static final int MAX_CHOICE_LENGTH = Answer.MAX_CHOICE_LENGTH;
    /** Clocks drift; a submission stamped a little ahead is still believed. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Set<String> ROOT_FIELDS =
            Set.of("externalId", "channel", "touchpoint", "surveyId", "customer", "answers", "submittedAt");
    private static final Set<String> ANSWER_FIELDS = Set.of("questionId", "type", "value");

    private final IdentityNormalizer normalizer;
    private final CustomerReader customers;
    private final Clock clock;

    public SubmissionReader(IdentityNormalizer normalizer, Clock clock) {
        this.normalizer = normalizer;
        this.customers = new CustomerReader(normalizer);
        this.clock = clock;
    }

    public FeedbackSubmission read(JsonNode root) {
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw invalid(List.of(new FieldError("", "The body must be a JSON object (the feedback submission).")));
        }
        UnknownFields.reject(root, "", ROOT_FIELDS, errors);
        String externalId = opaqueText(root, "externalId", "/externalId", errors);
        Channel channel = channel(root, errors);
        String touchpoint = slug(root, "touchpoint", errors);
        String surveyId = slug(root, "surveyId", errors);
        Customer customer = customers.read(root.get("customer"), "/customer", errors);
        List<Answer> answers = answers(root.get("answers"), errors);
        Instant submittedAt = submittedAt(root.get("submittedAt"), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new FeedbackSubmission(externalId, channel, touchpoint, surveyId, customer, answers, submittedAt);
    }

    private static InvalidSubmissionException invalid(List<FieldError> errors) {
        return new InvalidSubmissionException("The feedback submission is not valid.", errors);
    }

    private Channel channel(JsonNode root, List<FieldError> errors) {
        JsonNode node = root.get("channel");
        if (node == null || node.isNull()) {
            errors.add(new FieldError("/channel", "Required; one of " + Channel.allWireNames() + "."));
            return null;
        }
        Optional<Channel> channel = node.isTextual() ? Channel.fromWireName(node.textValue()) : Optional.empty();
        if (channel.isEmpty()) {
            errors.add(new FieldError("/channel", "Must be one of " + Channel.allWireNames() + "."));
        }
        return channel.orElse(null);
    }

    private static String slug(JsonNode root, String field, List<FieldError> errors) {
        String text = optionalText(root.get(field), "/" + field, errors);
        if (text == null) {
            return null;
        }
        String slug = text.trim().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            errors.add(new FieldError("/" + field,
                    "Must be 1 to 64 characters: letters a-z, digits, '.', '_' or '-', starting with a letter or digit."));
            return null;
        }
        return slug;
    }

    private String opaqueText(JsonNode parent, String field, String at, List<FieldError> errors) {
        String text = optionalText(parent.get(field), at, errors);
        if (text == null) {
            return null;
        }
        Optional<Identity> id = normalizer.opaque(IdentityType.EXTERNAL_ID, text);
        if (id.isEmpty()) {
            errors.add(new FieldError(at, "Must be 1 to 128 characters of letters, digits and . _ : @ + - /"));
            return null;
        }
        return id.get().value();
    }

    static String optionalText(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(at, "Must be a string."));
            return null;
        }
        return node.textValue();
    }

    private List<Answer> answers(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("/answers", "Required: an array of 1 to " + MAX_ANSWERS + " answers."));
            return List.of();
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_ANSWERS) {
            errors.add(new FieldError("/answers", "Must be an array of 1 to " + MAX_ANSWERS + " answers."));
            return List.of();
        }
        List<Answer> answers = new ArrayList<>();
        Set<String> questionIds = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            Answer answer = answer(node.get(i), "/answers/" + i, errors);
            if (answer != null && !questionIds.add(answer.questionId())) {
                errors.add(new FieldError("/answers/" + i + "/questionId", "Each question may be answered once."));
            } else if (answer != null) {
                answers.add(answer);
            }
        }
        return answers;
    }

    private Answer answer(JsonNode node, String at, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(at, "Must be an object with questionId, type and value."));
            return null;
        }
        int before = errors.size();
        UnknownFields.reject(node, at, ANSWER_FIELDS, errors);
        String questionId = slug(node, "questionId", errors, at);
        AnswerType type = answerType(node.get("type"), at, errors);
        JsonNode value = node.get("value");
        if (value == null || value.isNull()) {
            errors.add(new FieldError(at + "/value", "Required."));
            return null;
        }
        if (type == null) {
            return null;
        }
        Answer answer = type.isScored() ? scored(questionId, type, value, at, errors) : textual(questionId, type, value, at, errors);
        return errors.size() == before ? answer : null;
    }

    private static String slug(JsonNode node, String field, List<FieldError> errors, String at) {
        List<FieldError> local = new ArrayList<>();
        String slug = slug(node, field, local);
        local.forEach(e -> errors.add(new FieldError(at + e.pointer(), e.detail())));
        if (slug == null && local.isEmpty()) {
            errors.add(new FieldError(at + "/" + field, "Required."));
        }
        return slug;
    }

    private static AnswerType answerType(JsonNode node, String at, List<FieldError> errors) {
        Optional<AnswerType> type = node != null && node.isTextual() ? AnswerType.fromWireName(node.textValue()) : Optional.empty();
        if (type.isEmpty()) {
            errors.add(new FieldError(at + "/type", "Must be one of " + AnswerType.allWireNames() + "."));
        }
        return type.orElse(null);
    }

    private static Answer scored(String questionId, AnswerType type, JsonNode value, String at, List<FieldError> errors) {
        String range = "an integer from " + type.min() + " to " + type.max();
        if (!value.isIntegralNumber() || !value.canConvertToInt() || !type.accepts(value.intValue())) {
            errors.add(new FieldError(at + "/value", "A " + type.wireName() + " answer must be " + range + "."));
            return null;
        }
        return questionId == null ? null : Answer.scored(questionId, type, value.intValue());
    }

    private static Answer textual(String questionId, AnswerType type, JsonNode value, String at, List<FieldError> errors) {
        int max = type == AnswerType.CHOICE ? MAX_CHOICE_LENGTH : MAX_TEXT_LENGTH;
        String text = value.isTextual() ? value.textValue().strip() : null;
        if (text == null || text.isEmpty() || text.length() > max || text.indexOf('\u0000') >= 0) {
            errors.add(new FieldError(at + "/value",
                    "A " + type.wireName() + " answer must be a non-empty string of at most " + max + " characters."));
            return null;
        }
        if (!StorableText.isAcceptable(text)) {
            errors.add(new FieldError(at + "/value", UnstorableText.PROBLEM));
            return null;
        }
        return questionId == null ? null : Answer.text(questionId, type, text);
    }

    /**
     * The earliest instant a response or an interaction may carry. Earlier dates are a client's bug (an
     * epoch of zero, a year typed as 1), not history: they would land the answer in a day no report
     * looks at.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** An ISO-8601 instant from {@link #EARLIEST} to now (plus clock skew), or null with an error added. */
    public static Instant pastInstant(JsonNode node, String at, Clock clock, List<FieldError> errors) {
        String raw = optionalText(node, at, errors);
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

    private Instant submittedAt(JsonNode node, List<FieldError> errors) {
        return pastInstant(node, "/submittedAt", clock, errors);
    }
}
