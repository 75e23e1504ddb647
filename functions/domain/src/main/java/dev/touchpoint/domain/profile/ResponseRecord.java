package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.invitation.Invitation;
import java.time.Instant;
import java.util.List;

/**
 * One recorded response, under the profile it was resolved to ({@code profileId} null when anonymous).
 * An answer to an invitation carries its id and the channel the invitation went out on, so that the
 * funnel counts it as responded where it was invited.
 */
public record ResponseRecord(
        String responseId,
        String profileId,
        String externalId,
        String channel,
        String touchpoint,
        String surveyId,
        List<Answer> answers,
        Instant answeredAt,
        Instant receivedAt,
        String invitationId,
        String invitationChannel) {

    public ResponseRecord {
        answers = List.copyOf(answers);
    }

    public static ResponseRecord of(FeedbackEvent event, String profileId) {
        FeedbackSubmission s = event.submission();
        return new ResponseRecord(event.responseId(), profileId, s.externalId(), s.channel().wireName(),
                s.touchpoint(), s.surveyId(), s.answers(), event.answeredAt(), event.receivedAt(), null, null);
    }

    /** An answer to an invitation: its survey and touchpoint are the invitation's. */
    public static ResponseRecord answering(FeedbackEvent event, Invitation invitation) {
        FeedbackSubmission s = event.submission();
        return new ResponseRecord(event.responseId(), invitation.profileId(), s.externalId(), s.channel().wireName(),
                invitation.touchpoint(), invitation.surveyId(), s.answers(), event.answeredAt(), event.receivedAt(),
                invitation.id(), invitation.sentChannel());
    }
}
