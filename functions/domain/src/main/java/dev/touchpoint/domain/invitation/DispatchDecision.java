package dev.touchpoint.domain.invitation;

import java.time.Instant;

/** What the dispatcher does with one due invitation, and why. */
public sealed interface DispatchDecision {

    /** Send on {@code channel} to {@code address} (an email address or an E.164 phone). */
    record Send(String channel, String address) implements DispatchDecision {
    }

    /** Keep it pending until {@code until} (quiet hours). */
    record Defer(Instant until, String reason) implements DispatchDecision {
    }

    /** Never send it; the reason is recorded on the invitation. */
    record Drop(String reason) implements DispatchDecision {
    }
}
