package dev.touchpoint.aws.sqs;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SQS's send paths walked once without a trace, for SnapStart's primes ({@code Priming}) and the
 * first calls: every message goes to a queue beside the function's own, which does not exist.
 */
public final class SqsPrimes {

    private SqsPrimes() {
    }

    /**
     * A message to a queue that does not exist (a name beside the function's own queue, which its role
     * may not send to either): the SQS send path and its error answer, loaded; nothing sent, and no
     * permission needed beyond what the function has.
     */
    public static void touch(SqsClient sqs, String queueUrl) {
        try {
            sqs.sendMessage(m -> m.queueUrl(queueUrl + "-priming-no-such-queue").messageBody("priming"));
        } catch (SqsException expected) {
            // refused (no such queue, or not allowed): the point of the call
        }
    }

    /** A batch to a queue that does not exist, as the processor queues a batch's alerts: SendMessageBatch's path, loaded. */
    public static void touchBatch(SqsClient sqs, String queueUrl) {
        try {
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl + "-priming-no-such-queue")
                    .entries(SendMessageBatchRequestEntry.builder().id("priming").messageBody("priming").build()));
        } catch (SqsException expected) {
            // refused (no such queue, or not allowed): the point of the call
        }
    }
}
