package dev.touchpoint.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Does what Lambda's SQS event source mapping does, with {@code ReportBatchItemFailures}: long-polls
 * batches of up to 10, invokes the function, deletes the records it did not report failed, and leaves
 * the failed ones to come back after the visibility timeout (the queue's redrive policy moves them to
 * the DLQ after maxReceiveCount). A handler that throws fails its whole batch, as in AWS.
 */
public final class SqsEventSource implements AutoCloseable {

    private static final int BATCH_SIZE = 10;
    private static final int LONG_POLL_SECONDS = 1;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final LocalFunction<SQSEvent, SQSBatchResponse> function;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** Receipt handles of failed records still invisible: a shutdown makes them visible again to save them. */
    private final Map<String, String> failedInFlight = new ConcurrentHashMap<>();
    private final Thread poller;

    public SqsEventSource(SqsClient sqs, String queueUrl, String queueArn, LocalFunction<SQSEvent, SQSBatchResponse> function) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.function = function;
        this.poller = Thread.ofPlatform().name("sqs-event-source-" + function.name()).daemon(true).unstarted(this::pollUntilClosed);
    }

    public void start() {
        poller.start();
    }

    private void pollUntilClosed() {
        while (running.get()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (running.get()) {
                    System.err.println("[local] SQS event source: " + e.getClass().getSimpleName() + "; polling again");
                    pause();
                }
            }
        }
    }

    /** @return how many messages the batch held */
    int pollOnce() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(BATCH_SIZE)
                .waitTimeSeconds(LONG_POLL_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty()) {
            return 0;
        }
        Set<String> failed = invoke(messages);
        List<DeleteMessageBatchRequestEntry> done = messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        messages.stream().filter(m -> failed.contains(m.messageId()))
                .forEach(m -> failedInFlight.put(m.messageId(), m.receiptHandle()));
        done.forEach(entry -> failedInFlight.remove(entry.id()));
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(done));
        }
        return messages.size();
    }

    private Set<String> invoke(List<Message> messages) {
        Set<String> all = new HashSet<>();
        messages.forEach(m -> all.add(m.messageId()));
        try {
            SQSBatchResponse response = function.invoke(toEvent(messages));
            Set<String> failed = new HashSet<>();
            if (response != null && response.getBatchItemFailures() != null) {
                response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
            // Lambda fails the whole batch when a reported identifier is not one of its records.
            return all.containsAll(failed) ? failed : all;
        } catch (RuntimeException e) {
            System.err.println("[local] " + function.name() + " threw " + e.getClass().getSimpleName() + "; the whole batch will be retried");
            return all;
        }
    }

    private SQSEvent toEvent(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(this::toRecord).toList());
        return event;
    }

    private SQSMessage toRecord(Message message) {
        SQSMessage record = new SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion("local");
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        record.setAttributes(attributes);
        Map<String, MessageAttribute> messageAttributes = new HashMap<>();
        message.messageAttributes().forEach((name, value) -> {
            MessageAttribute attribute = new MessageAttribute();
            attribute.setDataType(value.dataType());
            attribute.setStringValue(value.stringValue());
            messageAttributes.put(name, attribute);
        });
        record.setMessageAttributes(messageAttributes);
        return record;
    }

    /** Records that failed and wait for their visibility timeout: waiting for them drains nothing. */
    public int failedInFlightCount() {
        return failedInFlight.size();
    }

    /** Makes failed records visible at once, so that a shutdown can take them out of the queue to keep them. */
    public void releaseFailedInFlight() {
        failedInFlight.values().forEach(handle -> {
            try {
                sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(handle).visibilityTimeout(0));
            } catch (RuntimeException expiredOrGone) {
                // Already visible again, redelivered, or moved to the DLQ: nothing to release.
            }
        });
        failedInFlight.clear();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the batch in hand is finished: nothing taken from the queue is left half-handled. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(10_000);
    }
}
