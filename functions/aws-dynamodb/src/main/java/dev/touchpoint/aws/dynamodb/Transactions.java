package dev.touchpoint.aws.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Runs a write transaction and tells a lost race (a failed condition, a conflicting transaction) from an error. */
final class Transactions {

    private Transactions() {
    }

    /** @return true when written; false when a condition failed or another transaction held an item */
    static boolean write(DynamoDbClient dynamo, List<TransactWriteItem> items) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (isLostRace(e)) {
                return false;
            }
            throw e;
        }
    }

    static boolean isLostRace(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .map(CancellationReason::code)
                .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code));
    }
}
