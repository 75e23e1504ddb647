package dev.touchpoint.domain.conversation;

import java.time.Instant;

/** One message in a customer's thread, in or out, on any channel, in time order across channels. */
public record ThreadEntry(String id, String profileId, Direction direction, String channel, String text,
                          String invitationId, Instant at) {

    public enum Direction { INBOUND, OUTBOUND }
}
