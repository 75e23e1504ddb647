package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.queue.QueueMessage;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Port: hands an accepted message to the processor. Returns only once the queue has durably taken it. */
public interface FeedbackQueue {

    void enqueue(QueueMessage message);

    /**
     * Hands over many messages (an import's rows), returning only once the queue has durably taken every
     * one. If some cannot be taken it throws {@link PartlyQueuedException} naming them; every other one
     * is queued. Each message carries its idempotency key, so sending them all again queues each once. A
     * queue that can take several in one call should (SQS: ten a request, a tenth of the requests and
     * their price).
     */
    default void enqueueAll(List<? extends QueueMessage> messages) {
        for (int i = 0; i < messages.size(); i++) {
            try {
                enqueue(messages.get(i));
            } catch (RuntimeException e) {
                // The queue failing once is likely to fail again: the rest are not tried, and not queued.
                Set<Integer> notQueued = new TreeSet<>();
                for (int j = i; j < messages.size(); j++) {
                    notQueued.add(j);
                }
                throw new PartlyQueuedException(notQueued, e.getClass().getSimpleName(), e);
            }
        }
    }
}
