package dev.touchpoint.processor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.sqs.SqsRecords;
import dev.touchpoint.domain.feedback.DeadLetterQueue;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.domain.response.FeedbackRecorder;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs a batch of queue messages, each handed to {@link MessageRouter} on its own; a failure fails only
 * its own record.
 * Different customers' messages are handled at the same time, one customer's in batch order
 * ({@link SameCustomerGroups}): a batch waits on DynamoDB, not on the CPU, so this shortens it several times.
 * The batch's customers are read ahead in batched reads, and its detractor alerts are queued together
 * at the end. A record is acknowledged only once its handling has ended without error and its alert,
 * if it raised one, is queued; a failed record's alerts are dropped, and its redelivery, finding its
 * response recorded, raises them again. On a message's last receive (the queue's maxReceiveCount) a failure
 * sends it to the DLQ with the reason attached and acknowledges it, so the DLQ says why; if even that
 * send fails, the record is reported failed and the queue's redrive policy moves it without a reason.
 */
public final class FeedbackBatchProcessor {

    private final QueueMessageCodec codec;
    private final FeedbackRecorder recorder;
    private final MessageRouter router;
    private final DeadLetterQueue deadLetters;
    private final EmfMetrics metrics;
    private final int maxReceiveCount;

    FeedbackBatchProcessor(QueueMessageCodec codec, FeedbackRecorder recorder, MessageRouter router, DeadLetterQueue deadLetters,
                           int maxReceiveCount, EmfMetrics metrics) {
        this.codec = codec;
        this.recorder = recorder;
        this.router = router;
        this.deadLetters = deadLetters;
        this.maxReceiveCount = maxReceiveCount;
        this.metrics = metrics;
    }

    /** A record of the batch with its message, or why it could not be read. */
    private record Item(SQSMessage record, QueueMessage message, RuntimeException unreadable) {
    }

    /** What the messages of one batch share: their customers read ahead, their detractor alerts held. */
    private record Batch(FeedbackRecorder recorder, DetractorAlerts.Held alerts) {
    }

    public SQSBatchResponse process(SQSEvent event, EventLog log) {
        List<SQSMessage> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<Item> items = records.stream().map(this::read).toList();
        List<List<Item>> groups = SameCustomerGroups.of(items,
                item -> item.message() == null ? Set.of() : SameCustomerGroups.customerKeys(item.message()));
        // The batch's customers are read ahead together (two batched reads instead of two reads an event)
        // and its detractor alerts raised together (a call for ten instead of one each).
        Batch batch = new Batch(readingAhead(items, log), recorder.holdAlerts());
        Set<String> done = ConcurrentHashMap.newKeySet();
        if (groups.size() == 1) {
            handleInOrder(groups.get(0), batch, done, log);
        } else {
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                groups.forEach(group -> threads.submit(() -> handleInOrder(group, batch, done, log)));
            }
        }
        raiseAlerts(batch.alerts(), records, done, log);
        // Whatever did not end well — a failure, or an error that stopped its group — is retried.
        List<BatchItemFailure> failures = records.stream().filter(record -> !done.contains(record.getMessageId()))
                .map(record -> BatchItemFailure.builder().withItemIdentifier(record.getMessageId()).build()).toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The recorder with the batch's customers read ahead; if that read fails, each event reads for itself. */
    private FeedbackRecorder readingAhead(List<Item> items, EventLog log) {
        try {
            return recorder.forBatch(items.stream().map(Item::message)
                    .filter(FeedbackEvent.class::isInstance).map(FeedbackEvent.class::cast).toList());
        } catch (RuntimeException e) {
            log.warn("batch.read-ahead-failed", null, "reading the batch's customers ahead failed, reading one by one: " + reason(e));
            return recorder;
        }
    }

    /** The id that follows the message's work from its API or webhook (its SQS id when it could not be read). */
    private static String correlationId(Item item) {
        return item.message() != null ? item.message().correlationId() : item.record().getMessageId();
    }

    private Item read(SQSMessage record) {
        try {
            return new Item(record, codec.decode(record.getBody()), null);
        } catch (RuntimeException e) {
            return new Item(record, null, e);
        }
    }

    private void handleInOrder(List<Item> group, Batch batch, Set<String> done, EventLog log) {
        for (Item item : group) {
            SQSMessage message = item.record();
            try {
                if (item.unreadable() != null) {
                    throw item.unreadable();
                }
                router.route(message, item.message(), batch.recorder().alertingThrough(batch.alerts().of(message.getMessageId())));
                done.add(message.getMessageId());
                log.debug("message.handled", correlationId(item), "SQS message " + message.getMessageId() + " handled");
            } catch (RuntimeException e) {
                if (parkIfLastReceive(message, correlationId(item), e, log)) {
                    done.add(message.getMessageId());
                } else {
                    log.warn("message.retried", correlationId(item), "SQS message " + message.getMessageId()
                            + " failed, will be retried: " + reason(e));
                }
            }
        }
    }

    /**
     * A message whose response is written but whose alert could not be raised is failed like any other,
     * so SQS delivers it again (or, on its last receive, it is parked with the reason).
     */
    private void raiseAlerts(DetractorAlerts.Held alerts, List<SQSMessage> records, Set<String> done, EventLog log) {
        Set<String> unraised = alerts.raise(Set.copyOf(done));
        for (SQSMessage message : records) {
            if (unraised.contains(message.getMessageId()) && done.remove(message.getMessageId())) {
                RuntimeException failure = new AlertNotRaisedException();
                if (parkIfLastReceive(message, message.getMessageId(), failure, log)) {
                    done.add(message.getMessageId());
                } else {
                    log.warn("message.retried", message.getMessageId(), "SQS message " + message.getMessageId()
                            + " failed, will be retried: " + reason(failure));
                }
            }
        }
    }

    /** The detractor alert of a recorded response could not be handed to the closed-loop queue. */
    static final class AlertNotRaisedException extends RuntimeException {
        AlertNotRaisedException() {
            super("the detractor alert could not be queued");
        }
    }

    /** @return true when the message is now in the DLQ with its reason and may be acknowledged */
    private boolean parkIfLastReceive(SQSMessage message, String correlationId, RuntimeException failure, EventLog log) {
        int receiveCount = SqsRecords.receiveCount(message);
        if (receiveCount < maxReceiveCount) {
            return false;
        }
        String reason = reason(failure);
        try {
            deadLetters.send(message.getBody(), reason, receiveCount);
            metrics.count(EmfMetrics.Name.MESSAGES_PARKED, Map.of("Queue", "feedback"));
            log.error("message.parked", correlationId, "SQS message " + message.getMessageId() + " sent to the DLQ after "
                    + receiveCount + " receives: " + reason);
            return true;
        } catch (RuntimeException e) {
            log.error("message.park-failed", correlationId, "could not send SQS message " + message.getMessageId()
                    + " to the DLQ: " + e.getClass().getName());
            return false;
        }
    }

    /** The failure in words without personal data: our exceptions' messages never quote customer input. */
    static String reason(RuntimeException e) {
        if (e instanceof InvalidSubmissionException invalid) {
            return "invalid submission: " + invalid.errors().stream()
                    .map(FieldError::pointer).collect(Collectors.joining(", "));
        }
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return e.getClass().getSimpleName() + (message.length() > 300 ? message.substring(0, 300) : message);
    }
}
