package dev.touchpoint.domain.survey;

import dev.touchpoint.domain.profile.CustomerLanguage;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A validated survey definition (build it with {@link SurveyReader}). */
public record SurveyDefinition(
        String id,
        int version,
        String defaultLanguage,
        Set<String> languages,
        LocalizedText title,
        List<SurveyQuestion> questions,
        Optional<SurveyTrigger> trigger,
        Duration cooldown,
        Map<String, LocalizedText> messages,
        Duration maxEventAge) {

    /** A service event older than this schedules no survey unless the survey says otherwise ({@code maxEventAgeDays}). */
    public static final Duration DEFAULT_MAX_EVENT_AGE = Duration.ofDays(7);
    /** How long an invitation may wait to be sent, and then be answered, unless its trigger says otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(72);

    /** Messages every survey defines, for every channel it may be sent on. */
    public static final List<String> REQUIRED_MESSAGES =
            List.of("thankYou", "emailSubject", "emailIntro", "smsInvite", "optOutHint", "unsubscribe", "submit");

    public SurveyDefinition {
        languages = Set.copyOf(languages);
        questions = List.copyOf(questions);
        messages = Map.copyOf(messages);
    }

    /**
     * The language to ask in: the customer's (from a locale tag such as {@code tr-TR} or an
     * Accept-Language value) when the survey has it, else the survey's default.
     */
    public String languageFor(String localeOrAcceptLanguage) {
        return CustomerLanguage.fromLocale(localeOrAcceptLanguage, languages).orElse(defaultLanguage);
    }

    /** The language to write to this customer in, whatever the channel ({@link CustomerLanguage}). */
    public String customerLanguage(ProfileRecord profile) {
        return CustomerLanguage.of(profile, offeredLanguages(), defaultLanguage);
    }

    /** The survey's languages, its default first, then the rest in alphabetical order. */
    public List<String> offeredLanguages() {
        List<String> offered = new ArrayList<>(List.of(defaultLanguage));
        languages.stream().sorted().filter(l -> !l.equals(defaultLanguage)).forEach(offered::add);
        return offered;
    }

    public String message(String key, String language) {
        LocalizedText text = messages.get(key);
        if (text == null) {
            throw new IllegalArgumentException("survey " + id + " has no message " + key);
        }
        return text.in(language, defaultLanguage);
    }

    public Optional<SurveyQuestion> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    /**
     * How long an invitation may wait to be sent after it is due, and how long its link and replies are
     * answered after it is sent: the trigger's {@code expiresAfterHours}, else {@link #DEFAULT_WINDOW}.
     */
    public Duration window() {
        return trigger.map(SurveyTrigger::expiresAfter).orElse(DEFAULT_WINDOW);
    }

    /** The survey's first NPS question, which SMS and email invitations ask with one number. */
    public Optional<SurveyQuestion> leadingScoreQuestion() {
        return questions.stream().filter(q -> q.type().isScored()).findFirst();
    }
}
