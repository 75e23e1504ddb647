package dev.touchpoint.aws.sqs;

import static dev.touchpoint.aws.sqs.SqsFeedbackQueue.text;

import dev.touchpoint.domain.feedback.DeadLetterQueue;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The DLQ on SQS. A message parked here carries why it failed ({@code failureReason}), when, and after
 * how many receives, as message attributes that the console, the CLI and the redrive tooling show.
 */
public final class SqsDeadLetterQueue implements DeadLetterQueue {

    /** The attribute a parked message carries its reason in; a redriven message still carries it. */
    public static final String FAILURE_REASON = "failureReason";

    /** SQS allows 256 KiB per message; a reason is kept short so it never pushes a body over. */
    private static final int MAX_REASON_LENGTH = 1000;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeadLetterQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(String body, String reason, int receiveCount) {
        String shortReason = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body).messageAttributes(Map.of(
                FAILURE_REASON, text(shortReason),
                "failedAt", text(Instant.now().toString()),
                "receiveCount", text(Integer.toString(receiveCount)))));
    }
}
