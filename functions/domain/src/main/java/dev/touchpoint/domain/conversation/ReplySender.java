package dev.touchpoint.domain.conversation;

/** Port: answers a customer on the channel they wrote on (provider send APIs in AWS, the outbox locally). */
public interface ReplySender {

    void reply(String channel, String provider, String recipient, String text);
}
