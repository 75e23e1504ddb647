package dev.touchpoint.domain.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where one of our messages on a thread has got to: {@code sent} when the provider took it, then
 * {@code delivered} and {@code read} as its status callbacks say, or {@code failed} (with the provider's
 * code and our reason) when it was refused or could not be delivered.
 *
 * @param providerMessageId the provider's id of the message, null when it gives none
 * @param errorCode         the provider's error code of a failure, else null
 * @param reason            a failure's meaning in our words, else null
 */
public record Delivery(String status, String providerMessageId, String errorCode, String reason, Instant at) {

    /** The states in the order a message goes through them; a failure ends the story wherever it comes. */
    private static final List<String> ORDER = List.of("sent", "delivered", "read");

    public Delivery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        status = status.toLowerCase(Locale.ROOT);
    }

    public static Delivery of(SendOutcome outcome, Instant at) {
        return switch (outcome) {
            case SendOutcome.Sent sent -> new Delivery("sent", sent.providerMessageId(), null, null, at);
            case SendOutcome.Refused refused -> new Delivery("failed", null, refused.code(), refused.reason(), at);
        };
    }

    /**
     * A provider's status word as ours: Twilio's {@code queued}/{@code accepted}/{@code sending}/{@code sent}
     * are sent, {@code delivered} and {@code read} as they are, {@code undelivered} and {@code failed}
     * failed; Meta's {@code sent}, {@code delivered}, {@code read}, {@code failed} alike. Null when the word
     * says nothing about delivery ({@code deleted}, {@code warning}…).
     */
    public static String statusOf(String providerStatus) {
        return switch (providerStatus == null ? "" : providerStatus.toLowerCase(Locale.ROOT)) {
            case "queued", "accepted", "scheduled", "sending", "sent" -> "sent";
            case "delivered" -> "delivered";
            case "read" -> "read";
            case "undelivered", "failed", "canceled" -> "failed";
            default -> null;
        };
    }

    public boolean failed() {
        return status.equals("failed");
    }

    /**
     * Whether this later news replaces what is known: callbacks arrive out of order, so a "delivered"
     * after "read" changes nothing, and nothing changes a failure.
     */
    public boolean supersedes(Delivery known) {
        if (known == null) {
            return true;
        }
        if (known.failed()) {
            return false;
        }
        return failed() || ORDER.indexOf(status) > ORDER.indexOf(known.status);
    }

    /** The same message's later state, keeping its provider id. */
    public Delivery withProviderMessageId(String id) {
        return new Delivery(status, id, errorCode, reason, at);
    }
}
