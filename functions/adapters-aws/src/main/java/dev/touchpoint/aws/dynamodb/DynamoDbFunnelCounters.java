package dev.touchpoint.aws.dynamodb;


import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Funnel counters as atomic ADDs on the same aggregate cells the responses count in. */
public final class DynamoDbFunnelCounters implements FunnelCounters {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbFunnelCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void add(AggregateKey cell, String counter) {
        Update update = AggregateCells.add(table, cell, Map.of(counter, 1L));
        dynamo.updateItem(u -> u.tableName(update.tableName()).key(update.key()).updateExpression(update.updateExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }
}
