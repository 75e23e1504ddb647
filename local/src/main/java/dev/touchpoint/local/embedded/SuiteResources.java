package dev.touchpoint.local.embedded;

import dev.touchpoint.aws.dynamodb.TouchpointTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates what the CDK app creates in AWS, where it does not exist yet: the table, and the feedback
 * queue with its DLQ (maxReceiveCount 5). Safe to run at every start, against the embedded services
 * or LocalStack.
 */
public final class SuiteResources {

    public static final String TABLE = "touchpoint";
    public static final String QUEUE = "touchpoint-feedback";
    public static final String DEAD_LETTER_QUEUE = "touchpoint-feedback-dlq";
    public static final int MAX_RECEIVE_COUNT = 5;

    /** The queue URLs, as SQS names them. */
    public record Queues(String feedbackUrl, String deadLetterUrl, String deadLetterArn) {
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

    public static Queues createQueues(SqsClient sqs, int visibilityTimeoutSeconds) {
        String dlqUrl = sqs.createQueue(q -> q.queueName(DEAD_LETTER_QUEUE)
                .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(a -> a.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}";
        String queueUrl = sqs.createQueue(q -> q.queueName(QUEUE).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, redrive))).queueUrl();
        return new Queues(queueUrl, dlqUrl, dlqArn);
    }
}
