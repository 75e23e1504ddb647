package dev.touchpoint.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * DynamoDB's request paths walked once without a trace, for SnapStart's primes ({@code Priming}) and
 * the first calls: every call names a key no item has, so reads find nothing and conditional writes
 * are refused.
 */
public final class DynamoDbPrimes {

    /** A key no item has: reads find nothing, a conditional write on it is refused. */
    private static final Map<String, AttributeValue> PRIMING_KEY =
            Map.of("PK", AttributeValue.fromS("PRIMING"), "SK", AttributeValue.fromS("PRIMING"));

    private DynamoDbPrimes() {
    }

    /** A consistent read of a key that never exists: the DynamoDB request path, loaded; nothing written. */
    public static void touch(DynamoDbClient dynamo, String table) {
        dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(PRIMING_KEY));
    }

    /** The same key read in a batch, as the processor reads a batch's customers: BatchGetItem's path, loaded. */
    public static void touchBatchRead(DynamoDbClient dynamo, String table) {
        dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(PRIMING_KEY).build())));
    }

    /**
     * A put refused by its condition (the key never exists): the write path and DynamoDB's error
     * answer, loaded; nothing written.
     */
    public static void touchWrite(DynamoDbClient dynamo, String table) {
        try {
            dynamo.putItem(p -> p.tableName(table).conditionExpression("attribute_exists(PK)")
                    .item(PRIMING_KEY));
        } catch (ConditionalCheckFailedException expected) {
            // the point of the call
        }
    }

    /**
     * An update refused by its condition (the key never exists), as webhook counters update: UpdateItem's
     * path and DynamoDB's error answer, loaded; nothing written.
     */
    public static void touchUpdate(DynamoDbClient dynamo, String table) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(PRIMING_KEY).conditionExpression("attribute_exists(PK)")
                    .updateExpression("ADD events :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException expected) {
            // the point of the call
        }
    }

    /**
     * A transaction of one put refused by its condition (the key never exists), as a delivery report is
     * counted once: TransactWriteItems' path and its cancellation answer, loaded; nothing written. A put,
     * not a condition check: the function's role allows {@code PutItem}, not {@code ConditionCheckItem}.
     */
    public static void touchTransaction(DynamoDbClient dynamo, String table) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(PRIMING_KEY).conditionExpression("attribute_exists(PK)")).build()));
        } catch (TransactionCanceledException expected) {
            // the point of the call
        }
    }
}
