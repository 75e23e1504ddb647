package dev.touchpoint.domain.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One survey invitation for one customer. {@code channels} is the order of preference it may go out
 * on; {@code sentChannel} says which one it did. {@code reason} records why it was deferred or dropped.
 */
public record Invitation(
        String id,
        String surveyId,
        int surveyVersion,
        String profileId,
        String touchpoint,
        String interactionType,
        List<String> channels,
        Instant dueAt,
        Instant expiresAt,
        InvitationStatus status,
        Instant createdAt,
        String sentChannel,
        Instant sentAt,
        String reason) {

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(surveyId, "surveyId");
        // profileId is null only once its person was erased (the invitation keeps its counts, not its person)
        Objects.requireNonNull(dueAt, "dueAt");
        channels = List.copyOf(channels);
    }

    /** Its person was erased: it keeps its survey, channel and status for reports, nothing of them. */
    public boolean isErased() {
        return profileId == null;
    }

    /** Where it stands on the customer's timeline: when it was sent, else when it was scheduled. */
    public Instant timelineAt() {
        return sentAt != null ? sentAt : createdAt;
    }

    /** The same invitation, dropped before it was ever due, with the reason (an event too old to survey). */
    public Invitation dropped(String why) {
        return new Invitation(id, surveyId, surveyVersion, profileId, touchpoint, interactionType, channels, dueAt, expiresAt,
                InvitationStatus.DROPPED, createdAt, null, null, why);
    }

    public static Invitation scheduled(String id, String surveyId, int surveyVersion, String profileId, String touchpoint,
                                       String interactionType, List<String> channels, Instant dueAt, Instant expiresAt,
                                       Instant now) {
        return new Invitation(id, surveyId, surveyVersion, profileId, touchpoint, interactionType, channels, dueAt,
                expiresAt, InvitationStatus.PENDING, now, null, null, null);
    }
}
