package dev.touchpoint.domain.conversation;

/**
 * What became of a reply handed to a provider. A provider that could not be reached, throttled us or
 * failed on its side throws instead, and the message is tried again; a refusal that no retry can
 * change (the recipient unsubscribed at the carrier, the messaging window closed) is an outcome, kept
 * on the thread, never parked in the DLQ.
 */
public sealed interface SendOutcome {

    /** Taken by the provider; its message id when it gives one (the key its status callbacks name). */
    record Sent(String providerMessageId) implements SendOutcome {
    }

    /**
     * Refused for good.
     *
     * @param code     the provider's error code (Twilio 21610, Meta 131047…)
     * @param reason   what it means, in our words (never the provider's text, which may echo the message)
     * @param optedOut the recipient has opted out at the provider: the profile is opted out of the channel too
     */
    record Refused(String code, String reason, boolean optedOut) implements SendOutcome {
    }
}
