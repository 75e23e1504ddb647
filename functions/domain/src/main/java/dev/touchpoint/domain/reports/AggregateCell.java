package dev.touchpoint.domain.reports;

import dev.touchpoint.domain.metrics.AggregateKey;
import java.util.Map;

/** One stored aggregate cell and its counters. */
public record AggregateCell(AggregateKey key, Map<String, Long> counters) {

    public AggregateCell {
        counters = Map.copyOf(counters);
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
