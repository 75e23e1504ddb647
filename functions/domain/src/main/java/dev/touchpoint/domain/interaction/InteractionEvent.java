package dev.touchpoint.domain.interaction;

import dev.touchpoint.domain.queue.QueueMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** An accepted interaction on its way through the queue. Its invitation id follows from the caller's event id. */
public record InteractionEvent(ServiceInteraction interaction, Instant receivedAt) implements QueueMessage {

    /** One invitation per caller event id, however often the event is sent. */
    public String invitationId() {
        return UUID.nameUUIDFromBytes(("interaction:" + interaction.id()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
