package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.queue.QueueMessage;

/** An inbound message on its way through the queue to the processor. */
public record InboundMessageEvent(InboundMessage message) implements QueueMessage {

    @Override
    public String correlationId() {
        return message.idempotencyKey();
    }
}
