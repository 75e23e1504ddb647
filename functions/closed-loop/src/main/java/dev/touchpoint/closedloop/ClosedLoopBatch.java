package dev.touchpoint.closedloop;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.sqs.SqsRecords;
import dev.touchpoint.aws.sqs.SqsRetryDelay;
import dev.touchpoint.domain.feedback.DeadLetterQueue;
import dev.touchpoint.domain.queue.UnreadableMessageException;
import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.domain.webhook.delivery.WebhookDeliverer;
import dev.touchpoint.wire.json.MalformedJsonException;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.response.DetractorAlertJson;
import dev.touchpoint.wire.webhook.WebhookDeliveryJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One batch of the closed-loop queue — detractor alerts (to SNS) and webhook deliveries — each on its own. A failed delivery waits {@code backoff × 3^(attempt-1)}
 * (capped at 12 hours) before its next attempt; on the last attempt it goes to the DLQ with the reason
 * and is acknowledged. An unreadable message cannot get better: it goes to the DLQ at once.
 */
public final class ClosedLoopBatch {

    private final DetractorAlerts.Channel alerts;
    private final Optional<WebhookDeliverer> deliverer;
    private final SqsRetryDelay retries;
    private final DeadLetterQueue deadLetters;
    private final int maxAttempts;
    private final EmfMetrics metrics;
    private final Duration backoff;

    /** @param deliverer empty when no webhook endpoint is configured */
    ClosedLoopBatch(DetractorAlerts.Channel alerts, Optional<WebhookDeliverer> deliverer, SqsRetryDelay retries,
                    DeadLetterQueue deadLetters, int maxAttempts, Duration backoff, EmfMetrics metrics) {
        this.metrics = metrics;
        this.alerts = alerts;
        this.deliverer = deliverer;
        this.retries = retries;
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    public SQSBatchResponse process(SQSEvent event, EventLog log) {
        List<BatchItemFailure> failures = new ArrayList<>();
        for (SQSMessage message : event.getRecords() == null ? List.<SQSMessage>of() : event.getRecords()) {
            int attempt = SqsRecords.receiveCount(message);
            try {
                handle(StrictJson.read(message.getBody()), log);
            } catch (UnreadableMessageException | MalformedJsonException e) {
                park(message, "unreadable: " + e.getMessage(), attempt, failures, log);
            } catch (RuntimeException e) {
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (attempt >= maxAttempts) {
                    park(message, reason, attempt, failures, log);
                } else {
                    retryLater(message, attempt, reason, failures, log);
                }
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void handle(JsonNode message, EventLog log) {
        if (DetractorAlerts.DetractorAlert.KIND.equals(message.path("kind").asText())) {
            alerts.raise(DetractorAlertJson.read(message));
            return;
        }
        WebhookDelivery delivery = WebhookDeliveryJson.read(message);
        WebhookDeliverer.Outcome outcome = deliverer.map(d -> d.deliver(delivery)).orElse(WebhookDeliverer.Outcome.ENDPOINT_GONE);
        metrics.count(EmfMetrics.Name.WEBHOOK_DELIVERIES, Map.of("Outcome", outcome.name().toLowerCase(Locale.ROOT)));
        if (outcome != WebhookDeliverer.Outcome.DELIVERED) {
            metrics.count(EmfMetrics.Name.WEBHOOK_FAILURES, Map.of());
            log.warn("webhook.not-delivered", delivery.id(), "delivery to " + delivery.endpoint() + " not sent: " + outcome);
        }
    }

    Duration delayAfter(int attempt) {
        Duration delay = backoff.multipliedBy((long) Math.pow(3, Math.min(attempt - 1, 20)));
        return delay.compareTo(SqsRetryDelay.MAX) > 0 ? SqsRetryDelay.MAX : delay;
    }

    private void retryLater(SQSMessage message, int attempt, String reason, List<BatchItemFailure> failures, EventLog log) {
        Duration delay = delayAfter(attempt);
        try {
            retries.retryAfter(message.getReceiptHandle(), delay);
        } catch (RuntimeException e) {
            // The queue's own visibility timeout then decides when it comes back: later, never lost.
            log.warn("message.delay-failed", message.getMessageId(), "could not delay the retry: " + e.getClass().getSimpleName());
        }
        log.warn("message.retried", message.getMessageId(), "attempt " + attempt + " failed (" + reason
                + "); next in " + delay.toSeconds() + " s");
        failures.add(BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
    }

    private void park(SQSMessage message, String reason, int attempt, List<BatchItemFailure> failures, EventLog log) {
        try {
            deadLetters.send(message.getBody(), reason, attempt);
            metrics.count(EmfMetrics.Name.MESSAGES_PARKED, Map.of("Queue", "closed-loop"));
            log.error("message.parked", message.getMessageId(), "sent to the DLQ after " + attempt + " attempt(s): " + reason);
        } catch (RuntimeException e) {
            log.error("message.park-failed", message.getMessageId(), "could not send to the DLQ: " + e.getClass().getSimpleName());
            failures.add(BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
        }
    }
}
