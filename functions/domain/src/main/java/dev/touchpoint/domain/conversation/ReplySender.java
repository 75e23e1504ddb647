package dev.touchpoint.domain.conversation;

/**
 * Port: answers a customer on the channel they wrote on (provider send APIs in AWS, the outbox locally).
 * A provider that cannot be reached, throttles or fails on its side throws, and the message is retried.
 */
public interface ReplySender {

    /** @return sent (with the provider's message id), or refused for good */
    SendOutcome reply(String channel, String provider, String recipient, String text);
}
