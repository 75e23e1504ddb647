package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.AGGREGATE;

import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.reports.AggregateCell;
import dev.touchpoint.domain.reports.AggregateReader;
import dev.touchpoint.domain.reports.ResponseCells;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A day's cells, from two queries per day and never a scan: the funnel counters stored under
 * {@code AGGREGATE#<day>} by the dispatcher and delivery reports, and the response counters folded
 * from the day's responses in the day index ({@code GSI2PK = RESPONSES#<day>}). Responses carry no
 * separate counters, so a response costs one write and can never be counted apart from itself. A
 * settled day's folded cells are kept and reused while no response of that day changes ({@link DayRollups}).
 */
public final class DynamoDbAggregateReader implements AggregateReader {

    private static final int DAYS_AT_ONCE = 16;

    private final DynamoDbClient dynamo;
    private final DynamoDbResponseRepository responses;
    private final DayRollups rollups;
    private final String table;

    public DynamoDbAggregateReader(DynamoDbClient dynamo, String table) {
        this(dynamo, table, java.time.Clock.systemUTC());
    }

    public DynamoDbAggregateReader(DynamoDbClient dynamo, String table, java.time.Clock clock) {
        this.dynamo = dynamo;
        this.responses = new DynamoDbResponseRepository(dynamo, table, clock);
        this.rollups = new DayRollups(dynamo, table, clock);
        this.table = table;
    }

    @Override
    public List<AggregateCell> cells(LocalDate from, LocalDate to) {
        List<java.util.concurrent.Future<List<AggregateCell>>> days = new java.util.ArrayList<>();
        // Days are independent queries: read up to DAYS_AT_ONCE of them at a time, then add them up in order.
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(DAYS_AT_ONCE);
        Map<LocalDate, Map<String, AttributeValue>> stored = rollups.stored(from, to);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                LocalDate current = day;
                days.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return cellsOf(current, stored);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        ResponseCells all = new ResponseCells();
        for (java.util.concurrent.Future<List<AggregateCell>> day : days) {
            dayCells(day).forEach(all::add);
        }
        return all.cells();
    }

    private List<AggregateCell> cellsOf(LocalDate day, Map<LocalDate, Map<String, AttributeValue>> stored) {
        ResponseCells cells = new ResponseCells();
        dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("PK = :day")
                        .expressionAttributeValues(Map.of(":day", s(AGGREGATE + day))))
                .items().forEach(item -> cells.add(funnelCell(day, item)));
        rollups.cells(day, stored, () -> {
            ResponseCells answered = new ResponseCells();
            responses.forDay(day, answered::add);
            return answered.cells();
        }).forEach(cells::add);
        return cells.cells();
    }

    private static List<AggregateCell> dayCells(java.util.concurrent.Future<List<AggregateCell>> day) {
        try {
            return day.get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a report", e);
        }
    }

    private static AggregateCell funnelCell(LocalDate day, Map<String, AttributeValue> item) {
        Map<String, Long> counters = new HashMap<>();
        item.forEach((name, value) -> {
            if (FunnelCounters.STORED.contains(name) && value.n() != null) {
                counters.put(name, Long.parseLong(value.n()));
            }
        });
        return new AggregateCell(new AggregateKey(day, Attr.string(item, "channel"), Attr.string(item, "touchpoint"),
                Attr.string(item, "surveyId")), counters);
    }
}
