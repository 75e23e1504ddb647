package dev.touchpoint.domain.invitation;

import java.time.Instant;

/** What the dispatcher does with one due invitation, and why. */
public sealed interface DispatchDecision {

    /** Send on {@code channel} to {@code address} (an email address or an E.164 phone). */
    record Send(String channel, String address) implements DispatchDecision {
    }

    /** Keep it pending until {@code until} (quiet hours, a spent daily cap). */
    record Defer(Instant until, DispatchReason why, String detail) implements DispatchDecision {
        public String reason() {
            return why.describe(detail);
        }
    }

    /** Never send it; the reason is recorded on the invitation. */
    record Drop(DispatchReason why, String detail) implements DispatchDecision {
        public Drop(DispatchReason why) {
            this(why, "");
        }

        public String reason() {
            return why.describe(detail);
        }
    }
}
