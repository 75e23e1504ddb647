package dev.touchpoint.domain.queue;


/**
 * One message of the feedback queue (feedback, a service interaction, a customer's message, a team
 * member's reply); the processor handles each kind with its own use case.
 */
public interface QueueMessage {
}
