package dev.touchpoint.domain.feedback;

/** Port: hands an accepted event to the processor. Returns only once the queue has durably taken it. */
public interface FeedbackQueue {

    void enqueue(FeedbackEvent event);
}
