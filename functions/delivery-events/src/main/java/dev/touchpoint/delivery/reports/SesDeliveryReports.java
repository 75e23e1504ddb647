package dev.touchpoint.delivery.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.delivery.DeliveryEvent.Kind;
import dev.touchpoint.domain.delivery.DeliveryEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads SES event publishing records (a configuration set's events, delivered through SNS): the event
 * type, the message id, our {@code invitationId} tag, the recipient, and when it happened. A transient
 * bounce (a full mailbox) is not a reason to stop writing to someone; only a permanent one is.
 */
public final class SesDeliveryReports {

    private SesDeliveryReports() {
    }

    /** @return empty when the record is not an SES event */
    public static Optional<DeliveryEvent> read(JsonNode record) {
        String type = record.path("eventType").asText(record.path("notificationType").asText(""));
        JsonNode mail = record.path("mail");
        if (type.isEmpty() || mail.isMissingNode()) {
            return Optional.empty();
        }
        Kind kind = switch (type) {
            case "Delivery" -> Kind.DELIVERED;
            case "Open" -> Kind.OPENED;
            case "Click" -> Kind.CLICKED;
            case "Complaint" -> Kind.COMPLAINED;
            case "Bounce" -> "Permanent".equals(record.path("bounce").path("bounceType").asText()) ? Kind.BOUNCED : Kind.OTHER;
            case "Reject", "Rendering Failure" -> Kind.FAILED;
            default -> Kind.OTHER;
        };
        JsonNode invitation = mail.path("tags").path(DeliveryEvent.INVITATION_TAG).path(0);
        return Optional.of(new DeliveryEvent(kind, "email", text(mail.path("messageId")),
                invitation.isTextual() ? invitation.asText() : null, recipient(record, type, mail),
                when(record, type, mail), detail(record, type)));
    }

    private static String recipient(JsonNode record, String type, JsonNode mail) {
        JsonNode affected = switch (type) {
            case "Bounce" -> record.path("bounce").path("bouncedRecipients").path(0).path("emailAddress");
            case "Complaint" -> record.path("complaint").path("complainedRecipients").path(0).path("emailAddress");
            default -> mail.path("destination").path(0);
        };
        return text(affected);
    }

    private static Instant when(JsonNode record, String type, JsonNode mail) {
        String section = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        String timestamp = record.path(section).path("timestamp").asText(mail.path("timestamp").asText(""));
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeException e) {
            return Instant.now();
        }
    }

    private static String detail(JsonNode record, String type) {
        return switch (type) {
            case "Bounce" -> record.path("bounce").path("bounceType").asText("") + "/" + record.path("bounce").path("bounceSubType").asText("");
            case "Complaint" -> record.path("complaint").path("complaintFeedbackType").asText(null);
            default -> null;
        };
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
