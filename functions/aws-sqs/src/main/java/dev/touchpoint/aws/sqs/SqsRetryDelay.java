package dev.touchpoint.aws.sqs;

import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Backoff on SQS: a record reported failed comes back when its visibility timeout ends, so setting that
 * timeout (up to SQS's 12 hours) before reporting the failure delays the retry — the documented way to
 * back off with an SQS event source, which itself retries at the queue's fixed timeout.
 */
public final class SqsRetryDelay {

    public static final Duration MAX = Duration.ofHours(12);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsRetryDelay(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    public void retryAfter(String receiptHandle, Duration delay) {
        long seconds = Math.min(Math.max(delay.toSeconds(), 0), MAX.toSeconds());
        sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout((int) seconds));
    }
}
