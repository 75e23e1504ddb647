package dev.touchpoint.domain.interaction;

import dev.touchpoint.domain.queue.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An accepted interaction on its way through the queue, with the id of the one invitation it may
 * schedule: derived from the caller's event id under the deployment's secret
 * ({@code KeyedHashes#invitationId}), so a retry is the same invitation but the caller cannot compute it.
 */
public record InteractionEvent(ServiceInteraction interaction, Instant receivedAt, String invitationId) implements QueueMessage {

    public InteractionEvent {
        Objects.requireNonNull(invitationId, "invitationId");
    }

    /** The id messages queued before 2026-12-07 named their invitation by (a plain name-based UUID of the event id). */
    public static String legacyInvitationId(ServiceInteraction interaction) {
        return UUID.nameUUIDFromBytes(("interaction:" + interaction.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The invitation the interaction schedules (the id its 202 answered), else its receipt time. */
    @Override
    public String correlationId() {
        return invitationId != null ? invitationId : "interaction@" + receivedAt;
    }
}
