package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.text.StorableText;
import java.time.Instant;
import java.util.Objects;

/**
 * One message a customer sent us on a messaging channel, normalised by its ingest function.
 *
 * @param channel           {@code sms}, {@code whatsapp}, {@code messenger} or {@code email}
 * @param provider          who delivered it ({@code twilio}, {@code meta}, {@code aws-sms}, {@code ses})
 * @param providerMessageId the provider's id: the idempotency key of the message
 * @param payload           a button, list or quick-reply id when the customer tapped one, else null
 * @param invitationToken   a survey token the message carries (an email reply's address), else null
 */
public record InboundMessage(String channel, String provider, String providerMessageId, Customer sender, String text,
                             String payload, String invitationToken, Instant receivedAt) {

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
    }

    /**
     * Whether every text of it can be stored and queued ({@link StorableText}). A provider's message that
     * cannot is acknowledged as the provider expects and counted unreadable: retrying it would fail the
     * same way every time.
     */
    public boolean isStorable() {
        return StorableText.isStorable(text) && StorableText.isStorable(providerMessageId)
                && (payload == null || StorableText.isStorable(payload))
                // the queue reads a sender's name back as the API reads one: it must be acceptable there too
                && (sender.name() == null || StorableText.isAcceptable(sender.name()));
    }

    /** The key its effects are recorded under, unique across providers. */
    public String idempotencyKey() {
        return "message:" + provider + ":" + providerMessageId;
    }
}
