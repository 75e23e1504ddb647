package dev.touchpoint.domain.webhook;

import java.time.Clock;
import java.util.List;

/**
 * Use case run by the processor: announces a change of a response to every configured endpoint, one
 * queued delivery each, so a slow or broken receiver delays and retries only its own deliveries.
 */
public final class OutgoingWebhooks {

    private final List<WebhookEndpoint> endpoints;
    private final WebhookQueue queue;
    private final Clock clock;

    public OutgoingWebhooks(List<WebhookEndpoint> endpoints, WebhookQueue queue, Clock clock) {
        this.endpoints = List.copyOf(endpoints);
        this.queue = queue;
        this.clock = clock;
    }

    /** No endpoints configured: nothing is announced. */
    public static OutgoingWebhooks none() {
        return new OutgoingWebhooks(List.of(), delivery -> { }, Clock.systemUTC());
    }

    public void announce(String type, String responseId, String changeKey) {
        for (WebhookEndpoint endpoint : endpoints) {
            queue.enqueue(WebhookDelivery.of(endpoint.name(), type, responseId, changeKey, clock.instant()));
        }
    }
}
