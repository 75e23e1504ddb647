package dev.touchpoint.domain.survey;

import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a submission's answers against its survey, as every route that takes one does (API, batch,
 * widget, import): the {@code surveyId} given, which must be deployed; else the survey of a registered
 * {@code touchpoint}, which then becomes the submission's; else none: ad-hoc feedback, whose answers are
 * checked by type only ({@link dev.touchpoint.domain.feedback.SubmissionCheck}). Unknown questions, answers of the wrong type and
 * required questions left unanswered are field errors.
 */
public final class SurveyCheck {

    private final SurveyCatalog surveys;
    private final TouchpointCatalog touchpoints;

    public SurveyCheck(SurveyCatalog surveys, TouchpointCatalog touchpoints) {
        this.surveys = surveys;
        this.touchpoints = touchpoints;
    }

    /**
     * @return the submission, its survey named
     * @throws InvalidSubmissionException naming every answer at fault
     */
    public FeedbackSubmission check(FeedbackSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        Optional<SurveyDefinition> survey = surveyOf(submission, errors);
        survey.ifPresent(s -> errors.addAll(SurveyAnswers.checkSubmitted(s, submission.answers())));
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException("The answers do not fit the survey.", errors);
        }
        return survey.map(s -> submission.withSurvey(s.id())).orElse(submission);
    }

    private Optional<SurveyDefinition> surveyOf(FeedbackSubmission submission, List<FieldError> errors) {
        if (submission.surveyId() != null) {
            Optional<SurveyDefinition> survey = surveys.byId(submission.surveyId());
            if (survey.isEmpty()) {
                errors.add(new FieldError("/surveyId", "No deployed survey has this id; one of "
                        + String.join(", ", surveys.all().stream().map(SurveyDefinition::id).sorted().toList()) + "."));
            }
            return survey;
        }
        return Optional.ofNullable(submission.touchpoint()).flatMap(touchpoints::byId)
                .flatMap(registered -> surveys.byId(registered.surveyId()));
    }
}
