package dev.touchpoint.domain.interaction;

import dev.touchpoint.domain.identity.Customer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A service event as the contract's {@code POST /v1/interactions} describes it. {@code surveyId},
 * {@code delay} and {@code channels} are optional overrides of the survey's trigger (null when absent).
 */
public record ServiceInteraction(String id, String type, Instant occurredAt, String touchpoint, Customer customer,
                                 String surveyId, Duration delay, List<String> channels) {

    public ServiceInteraction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(customer, "customer");
        channels = channels == null ? null : List.copyOf(channels);
    }
}
