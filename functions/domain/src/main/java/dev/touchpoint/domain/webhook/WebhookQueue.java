package dev.touchpoint.domain.webhook;

/** Port: where announcements wait for webhook-sender (an SQS queue with its DLQ). */
public interface WebhookQueue {

    void enqueue(WebhookDelivery delivery);
}
