package dev.touchpoint.aws.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;

/** What an SQS event record says about its own delivery. */
public final class SqsRecords {

    private SqsRecords() {
    }

    /** SQS's ApproximateReceiveCount: 1 on the first delivery; 1 when absent or unreadable. */
    public static int receiveCount(SQSMessage message) {
        String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * This message was parked in a DLQ by our own handler (it carries the {@link SqsDeadLetterQueue}'s
     * {@code failureReason}) and has since been redriven: an earlier attempt failed, as on a redelivery,
     * though its receive count starts again at 1.
     */
    public static boolean redrivenFromDeadLetters(SQSMessage message) {
        return message.getMessageAttributes() != null && message.getMessageAttributes().containsKey(SqsDeadLetterQueue.FAILURE_REASON);
    }
}
