package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.queue.QueueMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * A team member's reply to a customer, on its way through the queue to the processor, which sends it
 * and adds it to the customer's thread. The channel and provider were chosen when it was accepted
 * ({@link ReplyChannels}); the address is looked up when it is sent, so an erasure in between wins.
 * {@code id} is the caller's idempotency key: the same id is sent once.
 */
public record TeamReply(String id, String profileId, String channel, String provider, String text, String author,
                        Instant requestedAt) implements QueueMessage {

    public TeamReply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** The key of its thread entry: distinct from every inbound message id and automatic reply. */
    public String threadEntryId() {
        return "team:" + id;
    }

    @Override
    public String correlationId() {
        return id;
    }
}
