package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.survey.LocalizedText;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import dev.touchpoint.domain.survey.SurveyTrigger;
import dev.touchpoint.domain.survey.Touchpoint;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The surveys and touchpoints the project ships (surveys/*.json), built in code for the use cases'
 * tests: the domain reads no JSON. The wire module's {@code DeployedSurveysTest} holds the deployed
 * files equal to this, so a change to either fails until both say the same.
 */
public final class TestSurveys {

    private static final LocalizedText NPS_TEXT = text("How likely are you to recommend us to a friend or colleague?",
            "Bizi bir arkadaşınıza veya iş arkadaşınıza önerme olasılığınız nedir?");
    private static final SurveyQuestion NPS = new SurveyQuestion("nps", AnswerType.NPS, true, NPS_TEXT,
            text("Not at all likely", "Hiç olası değil"), text("Extremely likely", "Kesinlikle önerirdim"), List.of());
    private static final SurveyQuestion COMMENT = new SurveyQuestion("comment", AnswerType.TEXT, false,
            text("What is the main reason for your score?", "Bu puanı vermenizin başlıca nedeni nedir?"), null, null, List.of());

    private TestSurveys() {
    }

    /** Everything the project deploys: post-service and store-visit. */
    public static SurveyCatalog catalog() {
        return new SurveyCatalog(List.of(postService(), storeVisit()));
    }

    /** surveys/touchpoints.json: two stores on kiosk and QR, the web shop's and the app's checkout. */
    public static TouchpointCatalog touchpoints() {
        return new TouchpointCatalog(List.of(
                new Touchpoint("store-kadikoy", "Kadıköy store", "store", "post-service", EnumSet.of(Channel.KIOSK, Channel.QR)),
                new Touchpoint("store-moda", "Moda store", "store", "post-service", EnumSet.of(Channel.KIOSK, Channel.QR)),
                new Touchpoint("web-checkout", "Web shop checkout", "web", "post-service", EnumSet.of(Channel.WEB)),
                new Touchpoint("app-checkout", "App checkout", "app", "post-service", EnumSet.of(Channel.APP))));
    }

    /** An NPS and a comment, sent by email or SMS an hour after {@code service.completed}, open 72 hours. */
    public static SurveyDefinition postService() {
        return new SurveyDefinition("post-service", 1, "en", Set.of("en", "tr"), text("How did we do?", "Nasıldık?"),
                List.of(NPS, COMMENT),
                Optional.of(new SurveyTrigger("service.completed", Duration.ofHours(1), List.of("email", "sms"), Duration.ofHours(72))),
                Duration.ofDays(30), messages(), SurveyDefinition.DEFAULT_MAX_EVENT_AGE);
    }

    /** An NPS, a CSAT, a CES and a comment, asked at the store: no trigger. */
    public static SurveyDefinition storeVisit() {
        SurveyQuestion csat = new SurveyQuestion("csat", AnswerType.CSAT, false,
                text("How satisfied are you with your visit?", "Ziyaretinizden ne kadar memnun kaldınız?"),
                text("Very dissatisfied", "Hiç memnun değilim"), text("Very satisfied", "Çok memnunum"), List.of());
        SurveyQuestion ces = new SurveyQuestion("ces", AnswerType.CES, false,
                text("How easy was it to get what you came for?", "Aradığınızı bulmak ne kadar kolaydı?"),
                text("Very difficult", "Çok zor"), text("Very easy", "Çok kolay"), List.of());
        return new SurveyDefinition("store-visit", 1, "en", Set.of("en", "tr"), text("Your visit to our store", "Mağaza ziyaretiniz"),
                List.of(NPS, csat, ces, COMMENT), Optional.empty(), Duration.ofDays(30), messages(),
                SurveyDefinition.DEFAULT_MAX_EVENT_AGE);
    }

    /** Both surveys say the same to the customer around the questions. */
    private static Map<String, LocalizedText> messages() {
        Map<String, LocalizedText> messages = new LinkedHashMap<>();
        messages.put("thankYou", text("Thank you! Your answer helps us do better.",
                "Teşekkürler! Yanıtınız daha iyisini yapmamıza yardımcı oluyor."));
        messages.put("emailSubject", text("A quick question about your recent visit", "Son ziyaretinizle ilgili kısa bir soru"));
        messages.put("emailIntro", text("Thank you for choosing us. One click tells us how we did:",
                "Bizi tercih ettiğiniz için teşekkürler. Tek tıkla nasıl olduğumuzu söyleyin:"));
        messages.put("smsInvite", text("How did we do? Reply with a number from 0 to 10, or answer here: {link}",
                "Nasıldık? 0-10 arası bir sayıyla yanıtlayın ya da buradan cevaplayın: {link}"));
        messages.put("optOutHint", text("Reply STOP to opt out.", "Almak istemiyorsanız RET yazın."));
        messages.put("unsubscribe", text("Unsubscribe", "Abonelikten çık"));
        messages.put("submit", text("Send", "Gönder"));
        return messages;
    }

    private static LocalizedText text(String english, String turkish) {
        return new LocalizedText(Map.of("en", english, "tr", turkish));
    }
}
