package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import java.util.HashMap;
import java.util.Map;

/** Funnel counters in memory, added as the table's atomic ADD adds them. */
public final class InMemoryFunnel implements FunnelCounters {

    private final Map<AggregateKey, Map<String, Integer>> cells = new HashMap<>();

    @Override
    public synchronized void add(AggregateKey cell, String counter) {
        cells.computeIfAbsent(cell, c -> new HashMap<>()).merge(counter, 1, Integer::sum);
    }

    /** Every counter of every cell added to, and how often. */
    public synchronized Map<AggregateKey, Map<String, Integer>> cells() {
        Map<AggregateKey, Map<String, Integer>> copy = new HashMap<>();
        cells.forEach((cell, counters) -> copy.put(cell, Map.copyOf(counters)));
        return copy;
    }
}
