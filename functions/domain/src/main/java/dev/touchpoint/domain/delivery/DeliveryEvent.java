package dev.touchpoint.domain.delivery;

import java.time.Instant;

/**
 * One provider report about one message. {@code invitationId} is known when the provider echoes our
 * tag (SES); otherwise the provider's message id leads to the invitation.
 */
public record DeliveryEvent(Kind kind, String channel, String providerMessageId, String invitationId, String recipient,
                            Instant occurredAt, String detail) {

    /** The tag a sent mail carries to name its invitation; SES's reports give it back ({@code invitationId}). */
    public static final String INVITATION_TAG = "invitationId";

    /** What happened to the message. */
    public enum Kind { DELIVERED, OPENED, CLICKED, BOUNCED, COMPLAINED, FAILED, OTHER }
}
