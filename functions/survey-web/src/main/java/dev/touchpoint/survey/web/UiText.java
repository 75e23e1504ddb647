package dev.touchpoint.survey.web;

import dev.touchpoint.domain.survey.SurveyAnswers.Problem;
import java.util.HashMap;
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
                    "invalidLink", "This survey link is not valid or has expired. Thank you for wanting to answer!",
                    "answered", "You have already answered this survey. Thank you!",
                    "unsubscribeAsk", "Stop receiving survey invitations by email?",
                    "unsubscribeDone", "Done: you will receive no more survey invitations by email.",
                    "tooMany", "Many answers are arriving from here just now. Please try again in a minute."),
            "tr", pairs(
                    "REQUIRED", "Lütfen bu soruyu yanıtlayın.",
                    "OUT_OF_RANGE", "Lütfen sayılardan birini seçin.",
                    "UNKNOWN_OPTION", "Lütfen seçeneklerden birini seçin.",
                    "TOO_LONG", "Lütfen yanıtınızı kısaltın.",
                    "UNSTORABLE_TEXT", "Lütfen yanıtınızdaki olağandışı karakterleri kaldırın.",
                    "NOTHING_ANSWERED", "Lütfen en az bir soruyu yanıtlayın.",
                    "invalidLink", "Bu anket bağlantısı geçersiz ya da süresi dolmuş. Yanıt vermek istediğiniz için teşekkürler!",
                    "answered", "Bu anketi zaten yanıtladınız. Teşekkürler!",
                    "unsubscribeAsk", "E-posta ile anket davetleri almayı bırakmak istiyor musunuz?",
                    "unsubscribeDone", "Tamam: artık e-posta ile anket daveti almayacaksınız.",
                    "tooMany", "Şu anda buradan çok sayıda yanıt geliyor. Lütfen bir dakika sonra yeniden deneyin."));

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

    static String problem(Problem problem, String language) {
        return of(problem.name(), language);
    }
}
