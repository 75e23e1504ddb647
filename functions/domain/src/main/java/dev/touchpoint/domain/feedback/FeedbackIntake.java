package dev.touchpoint.domain.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Use case: accept a valid submission from any channel and queue it under its idempotency key. */
public final class FeedbackIntake {

    private final FeedbackQueue queue;
    private final Clock clock;

    public FeedbackIntake(FeedbackQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    /** @return the queued event; its response id is what the caller is told */
    public FeedbackEvent accept(FeedbackSubmission submission) {
        FeedbackEvent event = FeedbackEvent.accept(submission, IdempotencyKeys.forSubmission(submission), clock.instant());
        queue.enqueue(event);
        return event;
    }

    /** Many valid submissions (an import's rows), handed to the queue together; all received at one instant. */
    public List<FeedbackEvent> acceptAll(List<FeedbackSubmission> submissions) {
        Instant receivedAt = clock.instant();
        List<FeedbackEvent> events = submissions.stream()
                .map(submission -> FeedbackEvent.accept(submission, IdempotencyKeys.forSubmission(submission), receivedAt))
                .toList();
        queue.enqueueAll(events);
        return events;
    }
}
