package dev.touchpoint.aws.metrics;

import dev.touchpoint.domain.conversation.WebhookEventCounter;
import java.time.Instant;
import java.util.Map;

/** The day's provider-event counter, and an {@code UnreadableProviderEvents} metric for each event no handler could read. */
public record MeteredEventCounter(WebhookEventCounter counter, EmfMetrics metrics) implements WebhookEventCounter {

    @Override
    public void count(String provider, String kind, Instant at) {
        counter.count(provider, kind, at);
        if (kind.equals("unreadable") || kind.equals("unhandled")) {
            metrics.count(EmfMetrics.Name.UNREADABLE_PROVIDER_EVENTS, Map.of("Provider", provider, "Kind", kind));
        }
    }
}
