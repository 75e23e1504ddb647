package dev.touchpoint.domain.invitation;

/**
 * Why an invitation was not sent (yet): the code a report counts by ({@code dropped.cooldown},
 * {@code deferred.quiet-hours}) and support reads on the customer's timeline.
 */
public enum DispatchReason {
    /** Invited on another channel or survey within the survey's cooldown. */
    COOLDOWN("cooldown"),
    /** The customer opted out of every channel the survey may go on. */
    OPTED_OUT("opted-out"),
    /** Bounces or complaints (or an erased customer's kept suppression) closed the channels. */
    SUPPRESSED("suppressed"),
    /** No address on any channel the survey may go on. */
    NO_REACHABLE_CHANNEL("no-reachable-channel"),
    /** The deployment's invitations for the UTC day are spent. */
    DAILY_CAP("daily-cap"),
    /** Night in the customer's time zone. */
    QUIET_HOURS("quiet-hours"),
    /** Not sent within the survey's window after it was due. */
    EXPIRED("expired"),
    /** The service event happened too long ago for a "your recent visit" survey. */
    TOO_OLD("too-old"),
    /** The provider refused or failed the send (never retried: a second invitation annoys more than a lost one). */
    SEND_FAILED("send-failed"),
    /** The profile was erased or the survey taken out of service meanwhile. */
    GONE("gone");

    private final String code;

    DispatchReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** How it is stored on the invitation: the code, then what else is known (a detail that starts with the code stands alone). */
    public String describe(String detail) {
        if (detail == null || detail.isEmpty()) {
            return code;
        }
        return detail.startsWith(code) ? detail : code + ": " + detail;
    }
}
