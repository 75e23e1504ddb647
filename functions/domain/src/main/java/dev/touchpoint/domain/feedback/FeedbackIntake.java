package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.privacy.KeyedHashes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Use case: accept a valid submission from any channel and queue it under its idempotency key. */
public final class FeedbackIntake {

    private final FeedbackQueue queue;
    private final KeyedHashes ids;
    private final SubmissionContent content;
    private final Clock clock;

    public FeedbackIntake(FeedbackQueue queue, KeyedHashes ids, SubmissionContent content, Clock clock) {
        this.queue = queue;
        this.ids = ids;
        this.content = content;
        this.clock = clock;
    }

    /** @return the queued event; its response id is what the caller is told */
    public FeedbackEvent accept(FeedbackSubmission submission) {
        FeedbackEvent event = FeedbackEvent.accept(submission, IdempotencyKeys.forSubmission(submission, content), ids, clock.instant());
        queue.enqueue(event);
        return event;
    }

    /** Many valid submissions (an import's rows), handed to the queue together; all received at one instant. */
    public List<FeedbackEvent> acceptAll(List<FeedbackSubmission> submissions) {
        List<FeedbackEvent> events = events(submissions);
        queue(events);
        return events;
    }

    /** The events many submissions become, all received now, before they are queued ({@link #queue}). */
    public List<FeedbackEvent> events(List<FeedbackSubmission> submissions) {
        Instant receivedAt = clock.instant();
        return submissions.stream()
                .map(submission -> FeedbackEvent.accept(submission, IdempotencyKeys.forSubmission(submission, content), ids, receivedAt))
                .toList();
    }

    /**
     * Queues events made by {@link #events}, together.
     *
     * @throws PartlyQueuedException naming, by their positions, those the queue did not take
     */
    public void queue(List<FeedbackEvent> events) {
        queue.enqueueAll(events);
    }
}
