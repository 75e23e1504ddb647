package dev.touchpoint.aws.sqs;

import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.domain.webhook.WebhookQueue;
import dev.touchpoint.wire.response.DetractorAlertJson;
import dev.touchpoint.wire.webhook.WebhookDeliveryJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

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
        send(WebhookDeliveryJson.write(delivery), WebhookDelivery.KIND + ":" + delivery.endpoint());
    }

    @Override
    public void raise(DetractorAlerts.DetractorAlert alert) {
        send(DetractorAlertJson.write(alert), DetractorAlerts.DetractorAlert.KIND);
    }

    /** Ten alerts a {@code SendMessageBatch} call (SQS's limits: {@link SendBatches}); an entry SQS refuses is answered as not raised. */
    @Override
    public List<DetractorAlerts.DetractorAlert> raiseAll(List<DetractorAlerts.DetractorAlert> alerts) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < alerts.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(DetractorAlertJson.write(alerts.get(i)))
                    .messageAttributes(kind(DetractorAlerts.DetractorAlert.KIND)).build());
        }
        List<DetractorAlerts.DetractorAlert> failed = new ArrayList<>();
        for (List<SendMessageBatchRequestEntry> request : SendBatches.of(entries)) {
            List<String> refused;
            try {
                refused = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(request)).failed().stream()
                        .map(BatchResultErrorEntry::id).toList();
            } catch (RuntimeException e) {
                refused = request.stream().map(SendMessageBatchRequestEntry::id).toList();
            }
            refused.forEach(id -> failed.add(alerts.get(Integer.parseInt(id))));
        }
        return failed;
    }

    private void send(String body, String kind) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body).messageAttributes(kind(kind)));
    }

    /** The closed-loop function tells alerts from webhook deliveries by this attribute. */
    private static Map<String, MessageAttributeValue> kind(String kind) {
        return Map.of("kind", SqsFeedbackQueue.text(kind));
    }
}
