package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.queue.QueueMessage;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider's news of a message we sent (a Twilio status callback, a WhatsApp status): queued by its
 * webhook function, applied by the processor to the thread entry that message is.
 *
 * @param status    the provider's own status word ({@code delivered}, {@code undelivered}, {@code read}…)
 * @param errorCode the provider's error code of a failure, else null
 */
public record DeliveryStatusEvent(String provider, String providerMessageId, String status, String errorCode, Instant at)
        implements QueueMessage {

    public DeliveryStatusEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String correlationId() {
        return provider + ":" + providerMessageId;
    }
}
