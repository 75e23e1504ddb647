package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.AGGREGATE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.metrics.AggregateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The one way to add to an aggregate cell: atomic ADDs, with the cell's dimensions kept readable on the item. */
final class AggregateCells {

    private AggregateCells() {
    }

    static Map<String, AttributeValue> key(AggregateKey cell) {
        return Map.of(PK, s(AGGREGATE + cell.day()), SK, s(cell.channel() + "#" + cell.touchpoint() + "#" + cell.surveyId()));
    }

    static Update add(String table, AggregateKey cell, Map<String, Long> counters) {
        Map<String, String> names = new HashMap<>(Map.of("#day", "day"));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":c" + i, n(counter.getValue()));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        values.put(":entity", s("aggregate"));
        values.put(":day", s(cell.day().toString()));
        values.put(":channel", s(cell.channel()));
        values.put(":touchpoint", s(cell.touchpoint()));
        values.put(":surveyId", s(cell.surveyId()));
        return Update.builder().tableName(table).key(key(cell))
                .updateExpression("ADD " + String.join(", ", adds)
                        + " SET entity = :entity, #day = :day, channel = :channel, touchpoint = :touchpoint, surveyId = :surveyId")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }
}
