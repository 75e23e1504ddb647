package dev.touchpoint.domain.delivery;

import dev.touchpoint.domain.metrics.AggregateKey;
import java.util.Optional;

/** Port: which invitation a provider message belongs to, and counting each report once however often it is delivered. */
public interface DeliveryLedger {

    Optional<String> invitationOfMessage(String providerMessageId);

    /**
     * Adds {@code counter} to the cell unless this report ({@code providerMessageId} + kind) was counted before.
     *
     * @return false for a repeated report
     */
    boolean countOnce(String providerMessageId, DeliveryEvent.Kind kind, AggregateKey cell, String counter);
}
