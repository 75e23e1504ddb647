package dev.touchpoint.domain.response;

import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.queue.UnreadableMessageException;
import java.util.Collection;

/**
 * Use case run by the processor for each queued event: resolve the customer to one profile, then
 * record the response and its aggregates. Safe to run any number of times for the same event: the
 * identity writes converge on the same profile and the response write is conditional on its id.
 */
public final class FeedbackRecorder {

    public enum Outcome { RECORDED, ALREADY_RECORDED, CHANGED }

    private final IdentityResolver identities;
    private final ResponseRepository responses;
    private final InvitationRepository invitations;
    private final ClosedLoop closedLoop;

    public FeedbackRecorder(IdentityResolver identities, ResponseRepository responses, InvitationRepository invitations,
                            ClosedLoop closedLoop) {
        this.identities = identities;
        this.responses = responses;
        this.invitations = invitations;
        this.closedLoop = closedLoop;
    }

    /**
     * This recorder for one batch of events: the customers' profiles are read ahead in a couple of
     * batched reads rather than one read per identity and profile per event.
     */
    public FeedbackRecorder forBatch(Collection<FeedbackEvent> batch) {
        if (batch.size() < 2) {
            return this;
        }
        IdentityResolver readingAhead = identities.readingAhead(batch.stream().map(event -> event.submission().customer()).toList());
        return new FeedbackRecorder(readingAhead, responses, invitations, closedLoop);
    }

    /** Holds the detractor alerts of a batch's recordings, to raise them together. */
    public DetractorAlerts.Held holdAlerts() {
        return closedLoop.holdAlerts();
    }

    /** This recorder with its detractor alerts raised through {@code alerts} (one message's, held). */
    public FeedbackRecorder alertingThrough(DetractorAlerts alerts) {
        return new FeedbackRecorder(identities, responses, invitations, closedLoop.withAlerts(alerts));
    }

    /**
     * @param redelivered the queue delivers this event again (an earlier attempt failed): when its
     *                    response is found recorded, its detractor alert is raised again, for that attempt
     *                    may have failed to queue it. A new message for the same response (a resubmission)
     *                    raises none, so a retried submission does not alert twice.
     */
    public Outcome record(FeedbackEvent event, boolean redelivered) {
        ResponseRecord response = event.invitationId() == null ? unsolicited(event) : answering(event);
        if (!responses.record(response)) {
            if (event.invitationId() != null && responses.replaceAnswers(response)) {
                // A later answer on the invitation's page: the last answer wins, and is announced as a change.
                closedLoop.answersAdded(response, "answer:" + event.receivedAt());
                return Outcome.CHANGED;
            }
            if (redelivered) {
                // The attempt that recorded it failed, perhaps before its alert was queued: raise it again
                // (at least once: twice if that attempt had queued it).
                closedLoop.recorded(response);
            } else {
                closedLoop.recordedBefore(response);
            }
            return Outcome.ALREADY_RECORDED;
        }
        closedLoop.recorded(response);
        return Outcome.RECORDED;
    }

    private ResponseRecord unsolicited(FeedbackEvent event) {
        String profileId = identities
                .resolve(event.submission().customer(), event.receivedAt(), "response " + event.responseId())
                .orElse(null);
        return ResponseRecord.of(event, profileId);
    }

    /** The invitation says who answered; identifiers the answer carries too join that profile. */
    private ResponseRecord answering(FeedbackEvent event) {
        Invitation invitation = invitations.load(event.invitationId())
                .orElseThrow(() -> new UnreadableMessageException("answer to an unknown invitation"));
        if (!event.submission().customer().isAnonymous()) {
            identities.resolve(event.submission().customer(), event.receivedAt(), "response " + event.responseId());
        }
        return ResponseRecord.answering(event, invitation);
    }
}
