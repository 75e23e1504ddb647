package dev.touchpoint.delivery.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.delivery.DeliveryEvent.Kind;
import dev.touchpoint.domain.delivery.DeliveryEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads AWS End User Messaging SMS events (a configuration set's event destination on SNS):
 * {@code eventType} {@code TEXT_DELIVERED} / {@code TEXT_SUCCESSFUL} count as delivered; blocked,
 * invalid, unreachable, carrier failures and opted-out numbers as failed.
 */
public final class SmsDeliveryReports {

    private SmsDeliveryReports() {
    }

    /** @return empty when the record is not an SMS event */
    public static Optional<DeliveryEvent> read(JsonNode record) {
        String type = record.path("eventType").asText("");
        if (!type.startsWith("TEXT_")) {
            return Optional.empty();
        }
        Kind kind = switch (type) {
            case "TEXT_DELIVERED", "TEXT_SUCCESSFUL" -> Kind.DELIVERED;
            case "TEXT_QUEUED", "TEXT_PENDING" -> Kind.OTHER;
            default -> Kind.FAILED;
        };
        long epochMillis = record.path("eventTimestamp").asLong(0);
        return Optional.of(new DeliveryEvent(kind, "sms", record.path("messageId").asText(null), null,
                record.path("destinationPhoneNumber").asText(null),
                epochMillis > 0 ? Instant.ofEpochMilli(epochMillis) : Instant.now(), type));
    }
}
