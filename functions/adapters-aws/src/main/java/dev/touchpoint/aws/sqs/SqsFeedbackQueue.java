package dev.touchpoint.aws.sqs;

import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.domain.queue.QueueMessageCodec;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The feedback queue on SQS (feedback and interactions). SendMessage returns only after SQS stored the message durably. */
public final class SqsFeedbackQueue implements FeedbackQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsFeedbackQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(QueueMessage message) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl)
                .messageBody(QueueMessageCodec.encode(message))
                .messageAttributes(Map.of("kind", text(QueueMessageCodec.kindOf(message)))));
    }

    static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
