package dev.touchpoint.survey.web;

import dev.touchpoint.domain.survey.SurveyAnswers.Problem;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The page's own words (not the survey's), in Turkish and English. */
final class UiText {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", pairs(
                    "REQUIRED", "Please answer this question.",
                    "OUT_OF_RANGE", "Please choose one of the numbers.",
                    "UNKNOWN_OPTION", "Please choose one of the options.",
                    "TOO_LONG", "Please shorten your answer.",
                    "UNSTORABLE_TEXT", "Please remove the unusual characters from your answer.",
                    "NOTHING_ANSWERED", "Please answer at least one question.",
                    "UNKNOWN_QUESTION", "This form holds an answer to a question this survey does not ask. Please answer on this page.",
                    "invalidLink", "This survey link is not valid or has expired. Thank you for wanting to answer!",
                    "unsubscribeAsk", "Stop receiving survey invitations by email?",
                    "unsubscribeDone", "Done: you will receive no more survey invitations by email.",
                    "tooMany", "Many answers are arriving from here just now. Please try again in a minute.",
                    "scoreToSend", "Press Send to record your score. You can add a comment too.",
                    "scoreRecorded", "Your score is recorded. You can change it or add a comment until {until}; your last answer counts.",
                    "answeredChange", "We have your answer, thank you. You can change it until {until}; your last answer counts.",
                    "changeUntil", "You can change your answer with the same link until {until}."),
            "tr", pairs(
                    "REQUIRED", "Lütfen bu soruyu yanıtlayın.",
                    "OUT_OF_RANGE", "Lütfen sayılardan birini seçin.",
                    "UNKNOWN_OPTION", "Lütfen seçeneklerden birini seçin.",
                    "TOO_LONG", "Lütfen yanıtınızı kısaltın.",
                    "UNSTORABLE_TEXT", "Lütfen yanıtınızdaki olağandışı karakterleri kaldırın.",
                    "NOTHING_ANSWERED", "Lütfen en az bir soruyu yanıtlayın.",
                    "UNKNOWN_QUESTION", "Bu form, bu anketin sormadığı bir soruya yanıt içeriyor. Lütfen bu sayfada yanıtlayın.",
                    "invalidLink", "Bu anket bağlantısı geçersiz ya da süresi dolmuş. Yanıt vermek istediğiniz için teşekkürler!",
                    "unsubscribeAsk", "E-posta ile anket davetleri almayı bırakmak istiyor musunuz?",
                    "unsubscribeDone", "Tamam: artık e-posta ile anket daveti almayacaksınız.",
                    "tooMany", "Şu anda buradan çok sayıda yanıt geliyor. Lütfen bir dakika sonra yeniden deneyin.",
                    "scoreToSend", "Puanınızı kaydetmek için Gönder'e basın. Dilerseniz bir yorum da ekleyebilirsiniz.",
                    "scoreRecorded", "Puanınız kaydedildi. {until} tarihine kadar değiştirebilir ya da yorum ekleyebilirsiniz; son yanıtınız geçerlidir.",
                    "answeredChange", "Yanıtınızı aldık, teşekkürler. {until} tarihine kadar değiştirebilirsiniz; son yanıtınız geçerlidir.",
                    "changeUntil", "Yanıtınızı aynı bağlantıyla {until} tarihine kadar değiştirebilirsiniz."));

    private UiText() {
    }

    private static Map<String, String> pairs(String... keysAndTexts) {
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < keysAndTexts.length; i += 2) {
            texts.put(keysAndTexts[i], keysAndTexts[i + 1]);
        }
        return Map.copyOf(texts);
    }

    static String of(String key, String language) {
        return TEXTS.getOrDefault(language, TEXTS.get("en")).getOrDefault(key, TEXTS.get("en").get(key));
    }

    /** A moment as a reader of this language writes it (10 December 2026 14:00 UTC; 10 Aralık 2026 14:00 UTC). */
    static String date(Instant at, String language) {
        return DateTimeFormatter.ofPattern("d MMMM uuuu HH:mm 'UTC'", Locale.forLanguageTag(language)).withZone(ZoneOffset.UTC).format(at);
    }

    static String problem(Problem problem, String language) {
        return of(problem.name(), language);
    }
}
