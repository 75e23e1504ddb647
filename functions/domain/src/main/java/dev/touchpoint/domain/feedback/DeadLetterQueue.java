package dev.touchpoint.domain.feedback;

/**
 * Port: where a message goes when no retry will help, with the reason it failed. The queue's own
 * redrive policy remains the backstop for failures that never reach this port (a timeout, a crash).
 */
public interface DeadLetterQueue {

    void send(String body, String reason, int receiveCount);
}
