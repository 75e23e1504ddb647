package dev.touchpoint.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/** Queued messages as Lambda's SQS event source hands them to a function the first time. */
final class SqsDeliveries {

    private SqsDeliveries() {
    }

    static SQSEvent.SQSMessage firstDelivery(String messageId, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(messageId);
        message.setBody(body);
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        return message;
    }

    static SQSEvent event(List<SQSEvent.SQSMessage> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }
}
