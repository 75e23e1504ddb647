package dev.touchpoint.domain.conversation;

import java.time.Instant;

/**
 * One message in a customer's thread, in or out, on any channel, in time order across channels.
 * {@code provider} is who carried it (twilio, meta, aws-sms, ses; null when unknown), so a team
 * member's reply goes back through the same provider; {@code author} names the team member who wrote
 * an outbound reply (null for automatic replies and inbound messages).
 */
public record ThreadEntry(String id, String profileId, Direction direction, String channel, String provider, String text,
                          String invitationId, Instant at, String author) {

    public enum Direction { INBOUND, OUTBOUND }

    /** A customer's message or an automatic answer to it. */
    public static ThreadEntry of(String id, String profileId, Direction direction, String channel, String provider, String text,
                                 String invitationId, Instant at) {
        return new ThreadEntry(id, profileId, direction, channel, provider, text, invitationId, at, null);
    }
}
