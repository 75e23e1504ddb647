package dev.touchpoint.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.SubmissionCheck;
import dev.touchpoint.domain.feedback.SubmissionDraft;
import dev.touchpoint.domain.survey.SurveyCheck;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import dev.touchpoint.wire.feedback.SubmissionReader;

/**
 * What every route that takes a submission does with it: reads what was sent (a JSON body through
 * {@link SubmissionReader}, a CSV row directly), checks it ({@link SubmissionCheck}), then checks its
 * answers against its survey ({@link SurveyCheck}), one list of field errors for all.
 */
final class CheckedSubmissions {

    private final SubmissionCheck check;
    private final SurveyCheck surveys;
    private final TouchpointCatalog touchpoints;

    CheckedSubmissions(SubmissionCheck check, SurveyCheck surveys, TouchpointCatalog touchpoints) {
        this.check = check;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
    }

    /** @throws InvalidSubmissionException naming every field at fault */
    FeedbackSubmission read(JsonNode node) {
        return check(SubmissionReader.draft(node));
    }

    /** @throws InvalidSubmissionException naming every field at fault */
    FeedbackSubmission check(SubmissionDraft sent) {
        return surveys.check(check.check(sent));
    }

    TouchpointCatalog touchpoints() {
        return touchpoints;
    }
}
