package dev.touchpoint.domain.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.fakes.TestSurveys;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.validation.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class SurveyCheckTest {

    private static final SurveyCatalog SURVEYS = TestSurveys.catalog();
    private final SurveyCheck check = new SurveyCheck(SURVEYS, TestSurveys.touchpoints());

    private static FeedbackSubmission submission(String surveyId, String touchpoint, Answer... answers) {
        return new FeedbackSubmission(null, Channel.WEB, touchpoint, surveyId, Customer.ANONYMOUS, List.of(answers), null);
    }

    private List<String> pointers(FeedbackSubmission submission) {
        return assertThrows(InvalidSubmissionException.class, () -> check.check(submission)).errors().stream()
                .map(FieldError::pointer).toList();
    }

    @Test
    void check_anUnknownQuestion_isNamedByItsPointer() {
        assertEquals(List.of("/answers/1/questionId"), pointers(submission("post-service", null,
                Answer.scored("nps", AnswerType.NPS, 9), Answer.text("colour", AnswerType.TEXT, "blue"))));
    }

    @Test
    void check_aMissingRequiredNps_isRefused() {
        InvalidSubmissionException refused = assertThrows(InvalidSubmissionException.class,
                () -> check.check(submission("post-service", null, Answer.text("comment", AnswerType.TEXT, "iyi"))));
        assertEquals("/answers", refused.errors().get(0).pointer());
        assertTrue(refused.errors().get(0).detail().startsWith(SurveyAnswers.MISSING + "'nps'"), refused.errors().get(0).detail());
    }

    @Test
    void check_anAnswerOfAnotherType_andAnUnknownSurvey_areRefused() {
        assertEquals(List.of("/answers/0/type"), pointers(submission("post-service", null, Answer.scored("nps", AnswerType.CSAT, 5))));
        assertEquals(List.of("/surveyId"), pointers(submission("no-such-survey", null, Answer.scored("nps", AnswerType.NPS, 5))));
    }

    @Test
    void check_aRegisteredTouchpoint_namesItsSurvey_andAdHocFeedbackIsCheckedByTypeOnly() {
        FeedbackSubmission atStore = check.check(submission(null, "store-kadikoy", Answer.scored("nps", AnswerType.NPS, 9)));
        assertEquals("post-service", atStore.surveyId());
        assertEquals(List.of("/answers"), pointers(submission(null, "store-kadikoy", Answer.scored("csat", AnswerType.CSAT, 4))).subList(1, 2));
        FeedbackSubmission adHoc = submission(null, "crm-store-77", Answer.scored("csat", AnswerType.CSAT, 4));
        assertEquals(adHoc, check.check(adHoc));
    }
}
