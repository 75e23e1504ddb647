package dev.touchpoint.domain.queue;


/**
 * One message of the feedback queue (feedback, a service interaction, a customer's message, a team
 * member's reply); the processor handles each kind with its own use case.
 */
public interface QueueMessage {

    /**
     * The id that follows this work from the API or webhook through the queue to the table, in every
     * function's log lines: a response id, an invitation id, a provider's message id. Never personal data.
     */
    String correlationId();
}
