package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.invitation.DailySendCap;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** One counter item per UTC day ({@code DISPATCH#<day>}), taken with a conditional ADD so the cap holds under concurrency. */
public final class DynamoDbDailySendCap implements DailySendCap {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDailySendCap(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean isReached(LocalDate day, int cap) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key(day))).item();
        return item != null && Attr.number(item, "sent") >= cap;
    }

    @Override
    public boolean take(LocalDate day, int cap) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(day))
                    .updateExpression("ADD sent :one SET entity = :entity")
                    .conditionExpression("attribute_not_exists(sent) OR sent < :cap")
                    .expressionAttributeValues(Map.of(":one", n(1), ":cap", n(cap), ":entity", s("dispatch-count"))));
            return true;
        } catch (ConditionalCheckFailedException reached) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(LocalDate day) {
        return Map.of(PK, s("DISPATCH#" + day), SK, s("COUNT"));
    }
}
