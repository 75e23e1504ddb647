package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.conversation.Delivery;
import dev.touchpoint.domain.conversation.ThreadEntry;
import dev.touchpoint.domain.conversation.ThreadRepository;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Threads in memory: an entry is stored once by id; a delivery is recorded only over the one expected. */
public final class InMemoryThreads implements ThreadRepository {

    private final Map<String, ThreadEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized boolean append(ThreadEntry entry) {
        return entries.putIfAbsent(entry.id(), entry) == null;
    }

    @Override
    public synchronized Optional<ThreadEntry> find(String entryId) {
        return Optional.ofNullable(entries.get(entryId));
    }

    @Override
    public synchronized boolean recordDelivery(ThreadEntry entry, Delivery expected) {
        ThreadEntry stored = entries.get(entry.id());
        if (stored == null || !Objects.equals(stored.delivery(), expected)) {
            return false;
        }
        entries.put(entry.id(), entry);
        return true;
    }

    @Override
    public synchronized Optional<ThreadEntry> findSent(String provider, String providerMessageId) {
        return entries.values().stream().filter(e -> provider.equals(e.provider()) && e.delivery() != null
                && providerMessageId.equals(e.delivery().providerMessageId())).findFirst();
    }

    @Override
    public synchronized void erase(Collection<String> profileIds) {
        entries.values().removeIf(e -> profileIds.contains(e.profileId()));
    }

    @Override
    public synchronized List<ThreadEntry> forProfiles(Collection<String> profileIds) {
        return entries.values().stream().filter(e -> profileIds.contains(e.profileId()))
                .sorted(Comparator.comparing(ThreadEntry::at)).toList();
    }
}
