package dev.touchpoint.domain.conversation;

import java.time.Instant;

/**
 * Port: counts provider events per UTC day that are acknowledged without becoming feedback — message
 * statuses (sent, delivered, read, failed) and event kinds we do not handle — so nothing a provider
 * sends goes unseen.
 */
public interface WebhookEventCounter {

    void count(String provider, String kind, Instant at);
}
