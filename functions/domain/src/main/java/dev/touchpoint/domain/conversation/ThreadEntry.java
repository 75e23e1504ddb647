package dev.touchpoint.domain.conversation;

import java.time.Instant;
import java.util.List;

/**
 * One message in a customer's thread, in or out, on any channel, in time order across channels.
 * {@code provider} is who carried it (twilio, meta, aws-sms, ses; null when unknown), so a team
 * member's reply goes back through the same provider; {@code author} names the team member who wrote
 * an outbound reply (null for automatic replies and inbound messages); {@code kind} says whether it
 * is a message a person wrote, an auto-reply, a reaction…; {@code media} what it carried besides text;
 * {@code delivery}, for one of ours, where it has got to (null for the customer's, and for ours before the
 * provider answered).
 */
public record ThreadEntry(String id, String profileId, Direction direction, String channel, String provider, String text,
                          String invitationId, Instant at, String author, MessageKind kind, List<MediaItem> media,
                          Delivery delivery) {

    public enum Direction { INBOUND, OUTBOUND }

    public ThreadEntry {
        kind = kind == null ? MessageKind.MESSAGE : kind;
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** A message, in or out, with no media. */
    public ThreadEntry(String id, String profileId, Direction direction, String channel, String provider, String text,
                       String invitationId, Instant at, String author) {
        this(id, profileId, direction, channel, provider, text, invitationId, at, author, MessageKind.MESSAGE, List.of(), null);
    }

    /** The same entry with where its message has got to. */
    public ThreadEntry with(Delivery newDelivery) {
        return new ThreadEntry(id, profileId, direction, channel, provider, text, invitationId, at, author, kind, media, newDelivery);
    }

    /** A customer's message or an automatic answer to it. */
    public static ThreadEntry of(String id, String profileId, Direction direction, String channel, String provider, String text,
                                 String invitationId, Instant at) {
        return new ThreadEntry(id, profileId, direction, channel, provider, text, invitationId, at, null);
    }

    /** What a customer sent, as it joins their thread: its kind and media with it. */
    public static ThreadEntry received(InboundMessage message, String profileId, String invitationId) {
        return new ThreadEntry(message.idempotencyKey(), profileId, Direction.INBOUND, message.channel(), message.provider(),
                message.text(), invitationId, message.receivedAt(), null, message.kind(), message.media(), null);
    }
}
