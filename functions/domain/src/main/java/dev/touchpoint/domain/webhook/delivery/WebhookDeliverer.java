package dev.touchpoint.domain.webhook.delivery;

import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.response.ResponseRepository;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.domain.webhook.WebhookEndpoint;
import dev.touchpoint.domain.webhook.WebhookFailedException;
import dev.touchpoint.domain.webhook.WebhookSignature;
import dev.touchpoint.domain.webhook.WebhookTransport;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case run by webhook-sender: one delivery, one POST. The body is written now from the stored
 * response (by the {@link WebhookBody} port: JSON in the wire module), signed with the
 * Standard Webhooks headers; anything but a 2xx throws, and the queue retries it with backoff.
 */
public final class WebhookDeliverer {

    public enum Outcome { DELIVERED, RESPONSE_GONE, ENDPOINT_GONE }

    private final List<WebhookEndpoint> endpoints;
    private final ResponseRepository responses;
    private final WebhookSignature signature;
    private final WebhookTransport transport;
    private final WebhookBody bodies;
    private final Clock clock;

    public WebhookDeliverer(List<WebhookEndpoint> endpoints, ResponseRepository responses, WebhookSignature signature,
                            WebhookTransport transport, WebhookBody bodies, Clock clock) {
        this.endpoints = List.copyOf(endpoints);
        this.responses = responses;
        this.signature = signature;
        this.transport = transport;
        this.bodies = bodies;
        this.clock = clock;
    }

    public Outcome deliver(WebhookDelivery delivery) {
        Optional<WebhookEndpoint> endpoint = endpoints.stream().filter(e -> e.name().equals(delivery.endpoint())).findFirst();
        if (endpoint.isEmpty()) {
            return Outcome.ENDPOINT_GONE;
        }
        Optional<ResponseRecord> response = responses.find(delivery.responseId());
        if (response.isEmpty()) {
            return Outcome.RESPONSE_GONE;
        }
        String body = bodies.write(delivery, response.get(), DetractorAlerts.detractor(response.get()).isPresent());
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("webhook-id", delivery.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature.sign(delivery.id(), timestamp, body));
        headers.put("user-agent", "Touchpoint-Webhooks/1");
        int status = transport.post(endpoint.get().url(), headers, body);
        if (status < 200 || status > 299) {
            throw new WebhookFailedException("HTTP " + status + " from " + endpoint.get().name());
        }
        return Outcome.DELIVERED;
    }
}
