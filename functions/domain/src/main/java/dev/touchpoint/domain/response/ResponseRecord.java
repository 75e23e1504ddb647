package dev.touchpoint.domain.response;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.invitation.Invitation;
import java.time.Instant;
import java.util.List;

/**
 * One recorded response, under the profile it was resolved to ({@code profileId} null when anonymous).
 *
 * <p>{@code channel} is the channel the response counts under. An answer to an invitation counts under
 * the channel that carried the invitation ({@code invitationChannel}: email, sms…), however it was
 * given; how it was given is {@code answeredVia}: {@value #SURVEY_PAGE} for the invitation's link, or the
 * channel a reply came on (an SMS invitation answered by WhatsApp). So the channel row and its funnel's
 * "responded" count the same responses. {@code answeredVia} is null for a response to no invitation.
 * {@code changedAt} lists when the customer changed an invitation's answer on its page (the last
 * answer wins until the link expires), oldest first.
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
        String invitationChannel,
        String answeredVia,
        List<Instant> changedAt) {

    /** How an invitation's answer given on its survey page (the link) is told apart from a reply. */
    public static final String SURVEY_PAGE = "survey-page";

    public ResponseRecord {
        answers = List.copyOf(answers);
        changedAt = changedAt == null ? List.of() : List.copyOf(changedAt);
    }

    /** A response as first recorded (never changed since). */
    public ResponseRecord(String responseId, String profileId, String externalId, String channel, String touchpoint,
                          String surveyId, List<Answer> answers, Instant answeredAt, Instant receivedAt, String invitationId,
                          String invitationChannel, String answeredVia) {
        this(responseId, profileId, externalId, channel, touchpoint, surveyId, answers, answeredAt, receivedAt, invitationId,
                invitationChannel, answeredVia, List.of());
    }

    /** A response to no invitation, or one whose invitation channel is its own. */
    public ResponseRecord(String responseId, String profileId, String externalId, String channel, String touchpoint,
                          String surveyId, List<Answer> answers, Instant answeredAt, Instant receivedAt, String invitationId,
                          String invitationChannel) {
        this(responseId, profileId, externalId, channel, touchpoint, surveyId, answers, answeredAt, receivedAt, invitationId,
                invitationChannel, null);
    }

    public static ResponseRecord of(FeedbackEvent event, String profileId) {
        FeedbackSubmission s = event.submission();
        return new ResponseRecord(event.responseId(), profileId, s.externalId(), s.channel().wireName(),
                s.touchpoint(), s.surveyId(), s.answers(), event.answeredAt(), event.receivedAt(), null, null);
    }

    /** An answer to an invitation given on its survey page: its survey, touchpoint and channel are the invitation's. */
    public static ResponseRecord answering(FeedbackEvent event, Invitation invitation) {
        FeedbackSubmission s = event.submission();
        String via = s.channel() == Channel.WEB ? SURVEY_PAGE : s.channel().wireName();
        return new ResponseRecord(event.responseId(), invitation.profileId(), s.externalId(),
                countedUnder(invitation, s.channel().wireName()), invitation.touchpoint(), invitation.surveyId(), s.answers(),
                event.answeredAt(), event.receivedAt(), invitation.id(), invitation.sentChannel(), via);
    }

    /** An answer to an invitation given in a reply on {@code replyChannel}. */
    public static ResponseRecord replying(String responseId, Invitation invitation, String replyChannel, List<Answer> answers,
                                          Instant at) {
        return new ResponseRecord(responseId, invitation.profileId(), null, countedUnder(invitation, replyChannel),
                invitation.touchpoint(), invitation.surveyId(), answers, at, at, invitation.id(), invitation.sentChannel(), replyChannel);
    }

    /** The invitation's channel; the answer's own only for an invitation never sent (which no link or reply can answer). */
    private static String countedUnder(Invitation invitation, String answeredOn) {
        return invitation.sentChannel() != null ? invitation.sentChannel() : answeredOn;
    }
}
