package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.privacy.SuppressionList;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The consent kept past erasure, in memory, by keyed hash. */
public final class InMemorySuppressions implements SuppressionList {

    private final Map<String, Set<String>> closed = new HashMap<>();

    @Override
    public synchronized void keep(String key, Set<String> channels, Instant at) {
        closed.computeIfAbsent(key, k -> new HashSet<>()).addAll(channels);
    }

    @Override
    public synchronized Map<String, Set<String>> closedChannels(Set<String> keys) {
        Map<String, Set<String>> found = new HashMap<>();
        keys.stream().filter(closed::containsKey).forEach(key -> found.put(key, Set.copyOf(closed.get(key))));
        return found;
    }

    @Override
    public synchronized void reopen(String key, String channel) {
        closed.getOrDefault(key, new HashSet<>()).remove(channel);
    }
}
