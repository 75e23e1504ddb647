package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.text.StorableText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message a customer sent us on a messaging channel, normalised by its ingest function.
 *
 * @param channel           {@code sms}, {@code whatsapp}, {@code messenger} or {@code email}
 * @param provider          who delivered it ({@code twilio}, {@code meta}, {@code aws-sms}, {@code ses})
 * @param providerMessageId the provider's id: the idempotency key of the message
 * @param payload           a button, list or quick-reply id when the customer tapped one, else null
 * @param invitationToken   a survey token the message carries (an email reply's address), else null
 * @param kind              what it is: only a {@link MessageKind#MESSAGE} is read for keywords and answers
 * @param media             what it carried besides text (a photo's caption is its text), by reference
 */
public record InboundMessage(String channel, String provider, String providerMessageId, Customer sender, String text,
                             String payload, String invitationToken, Instant receivedAt, MessageKind kind, List<MediaItem> media) {

    /** A message a person wrote, with no media. */
    public InboundMessage(String channel, String provider, String providerMessageId, Customer sender, String text,
                          String payload, String invitationToken, Instant receivedAt) {
        this(channel, provider, providerMessageId, sender, text, payload, invitationToken, receivedAt, MessageKind.MESSAGE, List.of());
    }

    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receivedAt, "receivedAt");
        text = text == null ? "" : text;
        kind = kind == null ? MessageKind.MESSAGE : kind;
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The same message as another kind (an email found to be an auto-reply, say). */
    public InboundMessage as(MessageKind newKind) {
        return new InboundMessage(channel, provider, providerMessageId, sender, text, payload, invitationToken, receivedAt, newKind, media);
    }

    /** The same message with the media it carried. */
    public InboundMessage withMedia(List<MediaItem> items) {
        return new InboundMessage(channel, provider, providerMessageId, sender, text, payload, invitationToken, receivedAt, kind, items);
    }

    /**
     * Whether every text of it can be stored and queued ({@link StorableText}). A provider's message that
     * cannot is acknowledged as the provider expects and counted unreadable: retrying it would fail the
     * same way every time.
     */
    public boolean isStorable() {
        return StorableText.isStorable(text) && StorableText.isStorable(providerMessageId)
                && (payload == null || StorableText.isStorable(payload))
                && media.stream().allMatch(m -> StorableText.isStorable(m.kind())
                        && (m.reference() == null || StorableText.isStorable(m.reference()))
                        && (m.mimeType() == null || StorableText.isStorable(m.mimeType())))
                // the queue reads a sender's name back as the API reads one: it must be acceptable there too
                && (sender.name() == null || StorableText.isAcceptable(sender.name()));
    }

    /** The key its effects are recorded under, unique across providers. */
    public String idempotencyKey() {
        return "message:" + provider + ":" + providerMessageId;
    }
}
