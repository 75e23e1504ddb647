package dev.touchpoint.aws.sqs;

import dev.touchpoint.domain.profile.DetractorAlerts;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.domain.webhook.WebhookQueue;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The closed-loop queue on SQS: what follows a response — its detractor alert and its webhook
 * deliveries — waits here for the closed-loop function, which sends each with retries and parks
 * failures in its DLQ. The processor only needs to reach this queue, never SNS topics or receivers.
 */
public final class SqsClosedLoopQueue implements WebhookQueue, DetractorAlerts.Channel {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsClosedLoopQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(WebhookDelivery delivery) {
        send(delivery.toJson(), WebhookDelivery.KIND + ":" + delivery.endpoint());
    }

    @Override
    public void raise(DetractorAlerts.DetractorAlert alert) {
        send(alert.toJson(), DetractorAlerts.DetractorAlert.KIND);
    }

    private void send(String body, String kind) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of("kind", SqsFeedbackQueue.text(kind))));
    }
}
