package dev.touchpoint.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.survey.SurveyCheck;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import dev.touchpoint.wire.feedback.SubmissionReader;

/**
 * What every route that takes a submission does with it: reads it ({@link SubmissionReader}), then
 * checks its answers against its survey ({@link SurveyCheck}), one list of field errors for both.
 */
final class CheckedSubmissions {

    private final SubmissionReader reader;
    private final SurveyCheck surveys;
    private final TouchpointCatalog touchpoints;

    CheckedSubmissions(SubmissionReader reader, SurveyCheck surveys, TouchpointCatalog touchpoints) {
        this.reader = reader;
        this.surveys = surveys;
        this.touchpoints = touchpoints;
    }

    /** @throws InvalidSubmissionException naming every field at fault */
    FeedbackSubmission read(JsonNode node) {
        return surveys.check(reader.read(node));
    }

    TouchpointCatalog touchpoints() {
        return touchpoints;
    }
}
