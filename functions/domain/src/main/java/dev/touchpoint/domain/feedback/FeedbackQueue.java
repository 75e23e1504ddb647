package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.queue.QueueMessage;

/** Port: hands an accepted message to the processor. Returns only once the queue has durably taken it. */
public interface FeedbackQueue {

    void enqueue(QueueMessage message);
}
