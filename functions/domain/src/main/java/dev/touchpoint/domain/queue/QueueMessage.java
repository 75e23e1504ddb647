package dev.touchpoint.domain.queue;


/** One message of the feedback queue ({@code FeedbackEvent} or {@code InteractionEvent}); the processor handles each kind with its own use case. */
public interface QueueMessage {
}
