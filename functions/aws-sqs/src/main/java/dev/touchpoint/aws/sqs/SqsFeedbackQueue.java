package dev.touchpoint.aws.sqs;

import dev.touchpoint.aws.AtOnce;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.feedback.PartlyQueuedException;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The feedback queue on SQS (feedback and interactions). SendMessage returns only after SQS stored the message durably. */
public final class SqsFeedbackQueue implements FeedbackQueue {

    /** An entry SQS failed on its side (not the sender's fault) is sent again, in all this many times. */
    private static final int ATTEMPTS = 3;

    /**
     * An import's batches in flight together. Sent one after another, a 5 000-row import is 500 round
     * trips, several seconds in AWS against ingest-api's 10 s timeout; four at once stay within the
     * five connections the JDK's HTTP client keeps alive per host.
     */
    private static final int BATCHES_AT_ONCE = 4;

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

    /**
     * Ten messages a {@code SendMessageBatch} request (fewer where ten would pass 256 KiB:
     * {@link SendBatches}), up to four requests at once. A single message goes by {@code SendMessage},
     * the call every ingest function's start has already made.
     */
    @Override
    public void enqueueAll(List<? extends QueueMessage> messages) {
        if (messages.size() == 1) {
            try {
                enqueue(messages.get(0));
            } catch (RuntimeException e) {
                throw new PartlyQueuedException(Set.of(0), e.getClass().getSimpleName(), e);
            }
            return;
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(QueueMessageCodec.encode(messages.get(i)))
                    .messageAttributes(Map.of("kind", text(QueueMessageCodec.kindOf(messages.get(i))))).build());
        }
        Set<Integer> queued = ConcurrentHashMap.newKeySet();
        Set<String> refusals = ConcurrentHashMap.newKeySet();
        RuntimeException failure = null;
        try {
            AtOnce.each(SendBatches.of(entries), BATCHES_AT_ONCE, batch -> queued.addAll(send(batch, refusals)));
        } catch (RuntimeException e) {
            failure = e;
        }
        if (queued.size() < messages.size()) {
            Set<Integer> notQueued = new TreeSet<>();
            for (int i = 0; i < messages.size(); i++) {
                if (!queued.contains(i)) {
                    notQueued.add(i);
                }
            }
            String reason = failure != null ? failure.getClass().getSimpleName() : String.join(", ", new TreeSet<>(refusals));
            throw new PartlyQueuedException(notQueued, reason, failure);
        }
    }

    /**
     * One batch, its failed entries sent again while SQS says the failure was its own. Answers the
     * positions SQS queued, so the caller is never told a message is queued that is not; an entry SQS
     * refuses (or fails on every attempt) is left out and its error code kept in {@code refusals}.
     */
    private Set<Integer> send(List<SendMessageBatchRequestEntry> batch, Set<String> refusals) {
        Set<Integer> queued = new HashSet<>();
        List<SendMessageBatchRequestEntry> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> sent = pending;
            List<BatchResultErrorEntry> failed = sqs.sendMessageBatch(
                    SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(sent).build()).failed();
            Set<String> failedIds = new HashSet<>();
            failed.forEach(entry -> failedIds.add(entry.id()));
            sent.stream().filter(entry -> !failedIds.contains(entry.id())).forEach(entry -> queued.add(Integer.parseInt(entry.id())));
            List<String> retriable = failed.stream().filter(entry -> !entry.senderFault()).map(BatchResultErrorEntry::id).toList();
            failed.stream().filter(BatchResultErrorEntry::senderFault)
                    .forEach(entry -> refusals.add(entry.code() + " (sender's fault)"));
            if (retriable.isEmpty() || attempt == ATTEMPTS) {
                failed.stream().filter(entry -> retriable.contains(entry.id())).forEach(entry -> refusals.add(entry.code()));
                return queued;
            }
            pending = sent.stream().filter(entry -> retriable.contains(entry.id())).toList();
        }
    }

    static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
