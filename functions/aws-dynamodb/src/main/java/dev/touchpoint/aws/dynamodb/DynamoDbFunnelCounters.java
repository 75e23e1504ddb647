package dev.touchpoint.aws.dynamodb;


import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Funnel counters as atomic ADDs on the same aggregate cells the responses count in. */
public final class DynamoDbFunnelCounters implements FunnelCounters {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DayRollups rollups;

    public DynamoDbFunnelCounters(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    DynamoDbFunnelCounters(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.rollups = new DayRollups(dynamo, table, clock);
    }

    /** A counter of a day already over (a send counted just after midnight) marks that day in the same transaction. */
    @Override
    public void add(AggregateKey cell, String counter) {
        Update update = AggregateCells.add(table, cell, Map.of(counter, 1L));
        Optional<Update> mark = rollups.funnelMark(cell.day());
        if (mark.isPresent()) {
            dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().update(update).build(),
                    TransactWriteItem.builder().update(mark.get()).build()));
            return;
        }
        dynamo.updateItem(u -> u.tableName(update.tableName()).key(update.key()).updateExpression(update.updateExpression())
                .expressionAttributeNames(update.expressionAttributeNames())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }
}
