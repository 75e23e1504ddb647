package dev.touchpoint.local.embedded;

import dev.touchpoint.aws.dynamodb.TouchpointTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates what the CDK app creates in AWS, where it does not exist yet: the table, the feedback
 * queue with its DLQ (maxReceiveCount 5), and the closed-loop queue (alerts, webhooks) with its DLQ. Safe to run at every start, against the embedded services
 * or LocalStack.
 */
public final class SuiteResources {

    public static final String TABLE = "touchpoint";
    public static final String QUEUE = "touchpoint-feedback";
    public static final String DEAD_LETTER_QUEUE = "touchpoint-feedback-dlq";
    public static final String CLOSED_LOOP_QUEUE = "touchpoint-closed-loop";
    public static final String CLOSED_LOOP_DEAD_LETTER_QUEUE = "touchpoint-closed-loop-dlq";
    public static final int MAX_RECEIVE_COUNT = 5;

    /** The queue URLs, as SQS names them. */
    public record Queues(String feedbackUrl, String deadLetterUrl, String deadLetterArn, String closedLoopUrl,
                         String closedLoopDeadLetterUrl) {
    }

    private SuiteResources() {
    }

    public static void createTable(DynamoDbClient dynamo, String table) {
        try {
            dynamo.createTable(TouchpointTable.createTableRequest(table));
            dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        } catch (ResourceInUseException alreadyThere) {
            // Kept from an earlier run (a data directory) or made by someone else: use it as it is.
        }
    }

    /** The feedback queue (maxReceiveCount 5) and the closed-loop queue ({@code closedLoopAttempts}), each with its DLQ. */
    public static Queues createQueues(SqsClient sqs, int visibilityTimeoutSeconds, int closedLoopAttempts) {
        String dlqUrl = deadLetterQueue(sqs, DEAD_LETTER_QUEUE);
        String dlqArn = arn(sqs, dlqUrl);
        String queueUrl = queue(sqs, QUEUE, visibilityTimeoutSeconds, dlqArn, MAX_RECEIVE_COUNT);
        String closedLoopDlqUrl = deadLetterQueue(sqs, CLOSED_LOOP_DEAD_LETTER_QUEUE);
        String closedLoopUrl = queue(sqs, CLOSED_LOOP_QUEUE, visibilityTimeoutSeconds, arn(sqs, closedLoopDlqUrl), closedLoopAttempts);
        return new Queues(queueUrl, dlqUrl, dlqArn, closedLoopUrl, closedLoopDlqUrl);
    }

    private static String deadLetterQueue(SqsClient sqs, String name) {
        return sqs.createQueue(q -> q.queueName(name)
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
    }

    /**
     * The queue with these settings: made, or (kept in the data directory from an earlier run, perhaps
     * with other settings) found and given them, its messages left as they are.
     */
    private static String queue(SqsClient sqs, String name, int visibilityTimeoutSeconds, String deadLetterArn, int maxReceiveCount) {
        String redrive = "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        Map<QueueAttributeName, String> attributes = Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, redrive);
        try {
            return sqs.createQueue(q -> q.queueName(name).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException keptWithOtherSettings) {
            String url = sqs.getQueueUrl(u -> u.queueName(name)).queueUrl();
            sqs.setQueueAttributes(a -> a.queueUrl(url).attributes(attributes));
            return url;
        }
    }

    private static String arn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
