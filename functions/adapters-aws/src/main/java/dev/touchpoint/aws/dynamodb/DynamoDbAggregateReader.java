package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.AGGREGATE;

import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.reports.AggregateCell;
import dev.touchpoint.domain.reports.AggregateReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads aggregate cells day by day: one Query of {@code PK = AGGREGATE#<day>} per day, never a scan. */
public final class DynamoDbAggregateReader implements AggregateReader {

    private static final Set<String> DIMENSIONS = Set.of("PK", "SK", "entity", "day", "channel", "touchpoint", "surveyId");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbAggregateReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<AggregateCell> cells(LocalDate from, LocalDate to) {
        List<AggregateCell> cells = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate current = day;
            dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("PK = :day")
                            .expressionAttributeValues(Map.of(":day", s(AGGREGATE + current))))
                    .items().forEach(item -> cells.add(toCell(current, item)));
        }
        return cells;
    }

    private static AggregateCell toCell(LocalDate day, Map<String, AttributeValue> item) {
        Map<String, Long> counters = new HashMap<>();
        item.forEach((name, value) -> {
            if (!DIMENSIONS.contains(name) && value.n() != null) {
                counters.put(name, Long.parseLong(value.n()));
            }
        });
        return new AggregateCell(new AggregateKey(day, Attr.string(item, "channel"), Attr.string(item, "touchpoint"),
                Attr.string(item, "surveyId")), counters);
    }
}
