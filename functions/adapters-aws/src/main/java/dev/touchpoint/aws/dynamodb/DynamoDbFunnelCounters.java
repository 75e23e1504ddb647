package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;

import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
        dynamo.updateItem(u -> u.tableName(table).key(DynamoDbResponseRepository.aggregateKey(cell))
                .updateExpression("ADD #counter :one SET entity = :entity, #day = :day, channel = :channel, "
                        + "touchpoint = :touchpoint, surveyId = :surveyId")
                .expressionAttributeNames(Map.of("#counter", counter, "#day", "day"))
                .expressionAttributeValues(Map.of(":one", n(1), ":entity", s("aggregate"), ":day", s(cell.day().toString()),
                        ":channel", s(cell.channel()), ":touchpoint", s(cell.touchpoint()), ":surveyId", s(cell.surveyId()))));
    }
}
