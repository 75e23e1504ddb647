package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.feedback.FeedbackEvent;

/**
 * Use case run by the processor for each queued event: resolve the customer to one profile, then
 * record the response and its aggregates. Safe to run any number of times for the same event: the
 * identity writes converge on the same profile and the response write is conditional on its id.
 */
public final class FeedbackRecorder {

    public enum Outcome { RECORDED, ALREADY_RECORDED }

    private final IdentityResolver identities;
    private final ResponseRepository responses;

    public FeedbackRecorder(IdentityResolver identities, ResponseRepository responses) {
        this.identities = identities;
        this.responses = responses;
    }

    public Outcome record(FeedbackEvent event) {
        String profileId = identities
                .resolve(event.submission().customer(), event.receivedAt(), "response " + event.responseId())
                .orElse(null);
        boolean recorded = responses.record(ResponseRecord.of(event, profileId));
        return recorded ? Outcome.RECORDED : Outcome.ALREADY_RECORDED;
    }
}
