package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.delivery.DeliveryEvent;
import dev.touchpoint.domain.delivery.DeliveryLedger;
import dev.touchpoint.domain.metrics.AggregateKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The delivery ledger in memory: message ids lead to the invitations sent as them; each report counts once. */
public final class InMemoryDeliveryLedger implements DeliveryLedger {

    private final InMemoryInvitations invitations;
    private final Set<String> counted = new HashSet<>();
    private final Map<AggregateKey, Map<String, Integer>> cells = new HashMap<>();

    public InMemoryDeliveryLedger(InMemoryInvitations invitations) {
        this.invitations = invitations;
    }

    @Override
    public Optional<String> invitationOfMessage(String providerMessageId) {
        return invitations.invitationOfMessage(providerMessageId);
    }

    @Override
    public synchronized boolean countOnce(String providerMessageId, DeliveryEvent.Kind kind, AggregateKey cell, String counter) {
        if (!counted.add(providerMessageId + "#" + kind)) {
            return false;
        }
        cells.computeIfAbsent(cell, c -> new HashMap<>()).merge(counter, 1, Integer::sum);
        return true;
    }

    /** What a cell's counter holds, 0 when nothing was counted. */
    public synchronized int count(AggregateKey cell, String counter) {
        return cells.getOrDefault(cell, Map.of()).getOrDefault(counter, 0);
    }
}
