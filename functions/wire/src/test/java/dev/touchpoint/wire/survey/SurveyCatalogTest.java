package dev.touchpoint.wire.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.survey.InvalidSurveyException;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.survey.DeployedSurveys;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validates every shipped survey at build time, and shows what the validation refuses. */
class SurveyCatalogTest {

    @Test
    void shippedCatalog_isValid_andPostServiceIsTriggeredByServiceCompleted() {
        SurveyCatalog catalog = DeployedSurveys.catalog();

        SurveyDefinition survey = catalog.triggeredBy("service.completed").orElseThrow();

        assertEquals("post-service", survey.id());
        assertEquals(List.of(AnswerType.NPS, AnswerType.TEXT), survey.questions().stream().map(SurveyQuestion::type).toList());
        assertEquals(Set.of("tr", "en"), survey.languages());
        assertEquals(List.of("email", "sms"), survey.trigger().orElseThrow().channels());
        assertEquals(Duration.ofDays(30), survey.cooldown());
    }

    @Test
    void languageFor_picksTheCustomersLanguageElseTheDefault() {
        SurveyDefinition survey = DeployedSurveys.catalog().byId("post-service").orElseThrow();
        assertEquals("tr", survey.languageFor("tr-TR"));
        assertEquals("tr", survey.languageFor("de-DE,tr;q=0.8,en;q=0.5"));
        assertEquals("en", survey.languageFor("fr"));
        assertEquals("en", survey.languageFor(null));
        assertTrue(survey.message("thankYou", "tr").startsWith("Teşekkürler"));
    }

    @Test
    void read_halfTranslatedSurvey_namesEachGap() {
        String json = """
                {"id":"x","version":1,"defaultLocale":"en","title":{"en":"T","tr":"T"},
                 "questions":[{"id":"nps","type":"nps","text":{"en":"How likely?"}},
                              {"id":"pick","type":"choice","text":{"en":"a","tr":"b"},"options":[{"id":"one","text":{"en":"1","tr":"1"}}]}],
                 "trigger":{"eventType":"completed","delaySeconds":-5,"channels":["fax"],"expiresAfterHours":0},
                 "messages":{"smsInvite":{"en":"no link","tr":"{link}"}}}""";

        List<String> pointers = assertThrows(InvalidSurveyException.class, () -> SurveyReader.read(StrictJson.read(json), "x.json"))
                .errors().stream().map(FieldError::pointer).toList();

        assertTrue(pointers.containsAll(List.of("/questions/0/text", "/questions/1/options", "/trigger/eventType",
                "/trigger/delaySeconds", "/trigger/channels", "/trigger/expiresAfterHours", "/messages/smsInvite",
                "/messages/thankYou")), pointers.toString());
    }
}
