package dev.touchpoint.wire.survey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.DispatchChannel;
import dev.touchpoint.domain.survey.InvalidSurveyException;
import dev.touchpoint.domain.survey.LocalizedText;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import dev.touchpoint.domain.survey.SurveyTrigger;
import dev.touchpoint.domain.validation.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and validates one survey definition (format: docs/surveys.md). Every text must exist in every
 * language of the survey, so that no channel shows a customer a half-translated survey.
 */
public final class SurveyReader {

    static final Set<String> DISPATCH_CHANNELS = Set.copyOf(DispatchChannel.wireNames());
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern EVENT_TYPE = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$");

    private final List<FieldError> errors = new ArrayList<>();
    private Set<String> languages = Set.of();

    private SurveyReader() {
    }

    public static SurveyDefinition read(JsonNode root, String source) {
        return new SurveyReader().survey(root, source);
    }

    private SurveyDefinition survey(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new InvalidSurveyException(source, List.of(new FieldError("", "A survey is a JSON object.")));
        }
        String id = matching(root, "id", "/id", ID, "1–64 of a-z 0-9 . _ -");
        int version = root.path("version").asInt(0);
        if (!root.path("version").isIntegralNumber() || version < 1) {
            errors.add(new FieldError("/version", "A whole number from 1, raised with every change."));
        }
        JsonNode title = root.get("title");
        languages = title != null && title.isObject() ? fieldNames(title) : Set.of();
        if (languages.isEmpty()) {
            errors.add(new FieldError("/title", "Required: the title in every language of the survey, e.g. {\"en\":…,\"tr\":…}."));
        }
        String defaultLanguage = root.path("defaultLocale").asText("");
        if (!languages.contains(defaultLanguage)) {
            errors.add(new FieldError("/defaultLocale", "Must be one of the survey's languages " + languages + "."));
        }
        LocalizedText titleText = text(title, "/title");
        List<SurveyQuestion> questions = questions(root.get("questions"));
        Optional<SurveyTrigger> trigger = trigger(root.get("trigger"));
        int cooldownDays = root.path("cooldownDays").asInt(30);
        if (root.has("cooldownDays") && (!root.get("cooldownDays").isIntegralNumber() || cooldownDays < 0 || cooldownDays > 365)) {
            errors.add(new FieldError("/cooldownDays", "Days from 0 to 365."));
        }
        Map<String, LocalizedText> messages = messages(root.get("messages"));
        long maxEventAgeDays = root.path("maxEventAgeDays").asLong(SurveyDefinition.DEFAULT_MAX_EVENT_AGE.toDays());
        if (root.has("maxEventAgeDays") && (!root.get("maxEventAgeDays").isIntegralNumber() || maxEventAgeDays < 1 || maxEventAgeDays > 365)) {
            errors.add(new FieldError("/maxEventAgeDays", "Days from 1 to 365."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSurveyException(source, errors);
        }
        return new SurveyDefinition(id, version, defaultLanguage, languages, titleText, questions, trigger,
                Duration.ofDays(cooldownDays), messages, Duration.ofDays(maxEventAgeDays));
    }

    private List<SurveyQuestion> questions(JsonNode node) {
        List<SurveyQuestion> questions = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            errors.add(new FieldError("/questions", "Required: at least one question."));
            return questions;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "/questions/" + i;
            JsonNode q = node.get(i);
            String id = matching(q, "id", at + "/id", ID, "1–64 of a-z 0-9 . _ -");
            if (id != null && !ids.add(id)) {
                errors.add(new FieldError(at + "/id", "Question ids are unique within a survey."));
            }
            Optional<AnswerType> type = AnswerType.fromWireName(q.path("type").asText(""));
            if (type.isEmpty()) {
                errors.add(new FieldError(at + "/type", "One of " + AnswerType.allWireNames() + "."));
                continue;
            }
            List<SurveyQuestion.Option> options = options(q.get("options"), at, type.get());
            questions.add(new SurveyQuestion(id, type.get(), q.path("required").asBoolean(false), text(q.get("text"), at + "/text"),
                    optionalText(q.get("lowLabel"), at + "/lowLabel"), optionalText(q.get("highLabel"), at + "/highLabel"), options));
        }
        return questions;
    }

    private List<SurveyQuestion.Option> options(JsonNode node, String at, AnswerType type) {
        List<SurveyQuestion.Option> options = new ArrayList<>();
        if (type != AnswerType.CHOICE) {
            if (node != null) {
                errors.add(new FieldError(at + "/options", "Only choice questions have options."));
            }
            return options;
        }
        if (node == null || !node.isArray() || node.size() < 2) {
            errors.add(new FieldError(at + "/options", "A choice question needs at least two options."));
            return options;
        }
        for (int i = 0; i < node.size(); i++) {
            String id = matching(node.get(i), "id", at + "/options/" + i + "/id", ID, "1–64 of a-z 0-9 . _ -");
            options.add(new SurveyQuestion.Option(id, text(node.get(i).get("text"), at + "/options/" + i + "/text")));
        }
        return options;
    }

    private Optional<SurveyTrigger> trigger(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        String eventType = matching(node, "eventType", "/trigger/eventType", EVENT_TYPE, "dotted lower-case words such as service.completed");
        long delay = node.path("delaySeconds").asLong(-1);
        if (delay < 0 || delay > Duration.ofDays(30).toSeconds()) {
            errors.add(new FieldError("/trigger/delaySeconds", "Seconds from 0 to 30 days."));
        }
        List<String> channels = new ArrayList<>();
        node.path("channels").forEach(c -> channels.add(c.asText()));
        if (channels.isEmpty() || !DISPATCH_CHANNELS.containsAll(channels) || new HashSet<>(channels).size() != channels.size()) {
            errors.add(new FieldError("/trigger/channels", "One or more of " + new TreeSet<>(DISPATCH_CHANNELS) + ", in order of preference, each once."));
        }
        long expires = node.path("expiresAfterHours").asLong(-1);
        if (expires < 1 || expires > 720) {
            errors.add(new FieldError("/trigger/expiresAfterHours", "Hours from 1 to 720."));
        }
        return Optional.of(new SurveyTrigger(eventType, Duration.ofSeconds(Math.max(delay, 0)), channels, Duration.ofHours(Math.max(expires, 1))));
    }

    private Map<String, LocalizedText> messages(JsonNode node) {
        Map<String, LocalizedText> messages = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            errors.add(new FieldError("/messages", "Required: " + SurveyDefinition.REQUIRED_MESSAGES + "."));
            return messages;
        }
        node.fieldNames().forEachRemaining(key -> messages.put(key, text(node.get(key), "/messages/" + key)));
        for (String required : SurveyDefinition.REQUIRED_MESSAGES) {
            if (!messages.containsKey(required)) {
                errors.add(new FieldError("/messages/" + required, "Required."));
            }
        }
        LocalizedText sms = messages.get("smsInvite");
        if (sms != null && sms.languages().stream().anyMatch(l -> !sms.byLanguage().get(l).contains("{link}"))) {
            errors.add(new FieldError("/messages/smsInvite", "Every language carries the {link} placeholder."));
        }
        return messages;
    }

    private LocalizedText optionalText(JsonNode node, String at) {
        return node == null ? null : text(node, at);
    }

    private LocalizedText text(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(at, "Required: a text in each of the survey's languages " + languages + "."));
            return new LocalizedText(Map.of());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText("")));
        if (!texts.keySet().equals(languages) || texts.values().stream().anyMatch(String::isBlank)) {
            errors.add(new FieldError(at, "Must hold a non-empty text for exactly the survey's languages " + languages + "."));
        }
        return new LocalizedText(texts);
    }

    private String matching(JsonNode node, String field, String at, Pattern pattern, String rule) {
        String value = node == null ? "" : node.path(field).asText("");
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError(at, "Required: " + rule + "."));
            return null;
        }
        return value;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
