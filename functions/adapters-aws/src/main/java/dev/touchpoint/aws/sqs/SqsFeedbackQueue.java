package dev.touchpoint.aws.sqs;

import dev.touchpoint.aws.AtOnce;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.domain.queue.QueueMessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            enqueue(messages.get(0));
            return;
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(QueueMessageCodec.encode(messages.get(i)))
                    .messageAttributes(Map.of("kind", text(QueueMessageCodec.kindOf(messages.get(i))))).build());
        }
        AtOnce.each(SendBatches.of(entries), BATCHES_AT_ONCE, this::send);
    }

    /**
     * One batch, its failed entries sent again while SQS says the failure was its own; throws if any entry
     * is still not queued, so the caller is never told a message is queued that is not.
     */
    private void send(List<SendMessageBatchRequestEntry> batch) {
        List<SendMessageBatchRequestEntry> pending = batch;
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> sent = pending;
            List<BatchResultErrorEntry> failed = sqs.sendMessageBatch(
                    SendMessageBatchRequest.builder().queueUrl(queueUrl).entries(sent).build()).failed();
            if (failed.isEmpty()) {
                return;
            }
            boolean retriable = failed.stream().noneMatch(BatchResultErrorEntry::senderFault);
            if (!retriable || attempt == ATTEMPTS) {
                throw new IllegalStateException("SQS did not queue " + failed.size() + " of " + sent.size()
                        + " messages: " + failed.get(0).code() + (failed.get(0).senderFault() ? " (sender's fault)" : ""));
            }
            List<String> ids = failed.stream().map(BatchResultErrorEntry::id).toList();
            pending = sent.stream().filter(entry -> ids.contains(entry.id())).toList();
        }
    }

    static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
