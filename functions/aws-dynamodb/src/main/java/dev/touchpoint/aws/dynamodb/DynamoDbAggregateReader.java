package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.AGGREGATE;

import dev.touchpoint.aws.AtOnce;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.reports.AggregateCell;
import dev.touchpoint.domain.reports.AggregateReader;
import dev.touchpoint.domain.reports.ResponseCells;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A day's cells, from queries and never a scan: the funnel counters stored under
 * {@code AGGREGATE#<day>} by the dispatcher and delivery reports, and the response counters folded
 * from the day's responses in the day index (the day's {@link ShardedKeys}, read at once). Responses carry no
 * separate counters, so a response costs one write and can never be counted apart from itself. A
 * settled day's cells, funnel included, are kept and reused while nothing of that day changes
 * ({@link DayRollups}): a report of a year reads its settled days in four batched reads, without a query per day.
 */
public final class DynamoDbAggregateReader implements AggregateReader {

    private static final int DAYS_AT_ONCE = 16;

    private final DynamoDbClient dynamo;
    private final DynamoDbResponseRepository responses;
    private final DayRollups rollups;
    private final String table;

    public DynamoDbAggregateReader(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbAggregateReader(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.responses = new DynamoDbResponseRepository(dynamo, table, clock);
        this.rollups = new DayRollups(dynamo, table, clock);
        this.table = table;
    }

    @Override
    public List<AggregateCell> cells(LocalDate from, LocalDate to) {
        Map<String, Map<String, AttributeValue>> stored = rollups.stored(from, to);
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        // Days are independent queries: read up to DAYS_AT_ONCE of them at a time, then add them up in order.
        ResponseCells all = new ResponseCells();
        AtOnce.map(days, DAYS_AT_ONCE, day -> cellsOf(day, stored)).forEach(cells -> cells.forEach(all::add));
        return all.cells();
    }

    private List<AggregateCell> cellsOf(LocalDate day, Map<String, Map<String, AttributeValue>> stored) {
        ResponseCells cells = new ResponseCells();
        rollups.cells(day, stored, (from, until) -> {
            ResponseCells answered = new ResponseCells();
            responses.forAnsweredBetween(day, from, until, answered::add);
            return answered.cells();
        }, () -> funnelCells(day)).forEach(cells::add);
        return cells.cells();
    }

    /** The day's funnel counters: a settled day's are kept with its response cells, so read only when folding. */
    private List<AggregateCell> funnelCells(LocalDate day) {
        List<AggregateCell> funnel = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("PK = :day")
                        .expressionAttributeValues(Map.of(":day", s(AGGREGATE + day))))
                .items().forEach(item -> funnel.add(funnelCell(day, item)));
        return funnel;
    }

    private static AggregateCell funnelCell(LocalDate day, Map<String, AttributeValue> item) {
        Map<String, Long> counters = new HashMap<>();
        item.forEach((name, value) -> {
            if (FunnelCounters.isStored(name) && value.n() != null) {
                counters.put(name, Long.parseLong(value.n()));
            }
        });
        return new AggregateCell(new AggregateKey(day, Attr.string(item, "channel"), Attr.string(item, "touchpoint"),
                Attr.string(item, "surveyId")), counters);
    }
}
