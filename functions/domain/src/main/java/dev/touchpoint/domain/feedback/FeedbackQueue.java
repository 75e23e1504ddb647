package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.queue.QueueMessage;
import java.util.List;

/** Port: hands an accepted message to the processor. Returns only once the queue has durably taken it. */
public interface FeedbackQueue {

    void enqueue(QueueMessage message);

    /**
     * Hands over many messages (an import's rows), returning only once the queue has durably taken every
     * one. If one cannot be taken it throws, and some of the others may already be queued; each message
     * carries its idempotency key, so sending them all again queues each once. A queue that can take
     * several in one call should (SQS: ten a request, a tenth of the requests and their price).
     */
    default void enqueueAll(List<? extends QueueMessage> messages) {
        messages.forEach(this::enqueue);
    }
}
