package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import java.time.Instant;
import java.util.List;

/** One recorded response, under the profile it was resolved to ({@code profileId} null when anonymous). */
public record ResponseRecord(
        String responseId,
        String profileId,
        String externalId,
        String channel,
        String touchpoint,
        String surveyId,
        List<Answer> answers,
        Instant answeredAt,
        Instant receivedAt) {

    public ResponseRecord {
        answers = List.copyOf(answers);
    }

    public static ResponseRecord of(FeedbackEvent event, String profileId) {
        FeedbackSubmission s = event.submission();
        return new ResponseRecord(event.responseId(), profileId, s.externalId(), s.channel().wireName(),
                s.touchpoint(), s.surveyId(), s.answers(), event.answeredAt(), event.receivedAt());
    }
}
