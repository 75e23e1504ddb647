package dev.touchpoint.aws.sqs;

import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.domain.webhook.WebhookQueue;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The webhook queue on SQS: one message per delivery, naming the endpoint as an attribute for the console. */
public final class SqsWebhookQueue implements WebhookQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsWebhookQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(WebhookDelivery delivery) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(delivery.toJson())
                .messageAttributes(Map.of("endpoint", SqsFeedbackQueue.text(delivery.endpoint()))));
    }
}
