package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.reports.AggregateCell;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A day's response cells, kept once the day has settled, so a report does not read a busy month's
 * responses again each time. The item {@code ROLLUP#<day>} carries a {@code version} that writers bump
 * after any write to a response of a day before today (a late import, a paper form, a follow-up
 * answer, a redelivery) and the cells a reader computed under the version it read. Cells are trusted
 * only while their version is the item's; they are stored only for days before yesterday (writers
 * mark yesterday too: a day's margin for clocks and slow messages), only under the version read,
 * conditionally, and only once the last change is a minute old, so the day index a reader folded
 * had time to show it.
 */
final class DayRollups {

    static final String ROLLUP = "ROLLUP#";
    private static final String SORT = "ROLLUP";
    private static final Duration SETTLING = Duration.ofMinutes(1);
    private static final int MAX_CELLS = 1_000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    DayRollups(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** After a write to a response answered on this day: a day before today loses its stored cells. */
    void changed(LocalDate day) {
        if (day.isBefore(today())) {
            dynamo.updateItem(u -> u.tableName(table).key(key(day))
                    .updateExpression("ADD version :one SET changedAt = :now")
                    .expressionAttributeValues(Map.of(":one", n(1), ":now", n(clock.millis()))));
        }
    }

    /**
     * The items of the days from {@code from} to {@code to} that may hold stored cells (those before
     * yesterday), read together: a report of a month reads them in one call, not thirty. A day DynamoDB
     * left unread is absent; {@link #cells} reads it itself.
     */
    Map<LocalDate, Map<String, AttributeValue>> stored(LocalDate from, LocalDate to) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to) && keeps(day); day = day.plusDays(1)) {
            keys.add(key(day));
        }
        Map<LocalDate, Map<String, AttributeValue>> items = new HashMap<>();
        BatchReads.consistent(dynamo, table, keys,
                (pk, item) -> items.put(LocalDate.parse(pk.substring(ROLLUP.length())), item.orElse(Map.of())));
        return items;
    }

    /**
     * The day's response cells: stored ones while valid, else {@code compute}d and stored if the day has
     * settled. {@code stored} is what {@link #stored} read; a day it lacks is read here.
     */
    List<AggregateCell> cells(LocalDate day, Map<LocalDate, Map<String, AttributeValue>> stored, Supplier<List<AggregateCell>> compute) {
        if (!keeps(day)) {
            return compute.get();
        }
        Map<String, AttributeValue> item = stored.containsKey(day) ? stored.get(day) : Optional.ofNullable(dynamo.getItem(
                g -> g.tableName(table).key(key(day)).consistentRead(true)).item()).orElse(Map.of());
        long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0;
        if (item.containsKey("cells") && item.containsKey("cellsVersion") && Long.parseLong(item.get("cellsVersion").n()) == version) {
            return decode(day, item.get("cells"));
        }
        List<AggregateCell> computed = compute.get();
        boolean settled = !item.containsKey("changedAt")
                || Long.parseLong(item.get("changedAt").n()) < clock.millis() - SETTLING.toMillis();
        if (settled && computed.size() <= MAX_CELLS) {
            store(day, version, computed);
        }
        return computed;
    }

    private void store(LocalDate day, long version, List<AggregateCell> cells) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":cells", encode(cells), ":version", n(version),
                ":cutoff", n(clock.millis() - SETTLING.toMillis())));
        String unchanged = version == 0 ? "attribute_not_exists(version)" : "version = :version";
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(day))
                    .updateExpression("SET cells = :cells, cellsVersion = :version")
                    .conditionExpression(unchanged + " AND (attribute_not_exists(changedAt) OR changedAt < :cutoff)")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // A writer changed the day meanwhile: these cells may miss its response; the next report recomputes.
        }
    }

    /** Only days before yesterday keep cells: yesterday still takes late writes, and writers mark it too. */
    private boolean keeps(LocalDate day) {
        return day.isBefore(today().minusDays(1));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Map<String, AttributeValue> key(LocalDate day) {
        return Map.of(PK, s(ROLLUP + day), SK, s(SORT));
    }

    private static AttributeValue encode(List<AggregateCell> cells) {
        List<AttributeValue> list = new ArrayList<>();
        for (AggregateCell cell : cells) {
            Map<String, AttributeValue> counters = new HashMap<>();
            cell.counters().forEach((name, value) -> counters.put(name, n(value)));
            list.add(AttributeValue.fromM(Map.of("channel", s(cell.key().channel()), "touchpoint", s(cell.key().touchpoint()),
                    "surveyId", s(cell.key().surveyId()), "counters", AttributeValue.fromM(counters))));
        }
        return AttributeValue.fromL(list);
    }

    private static List<AggregateCell> decode(LocalDate day, AttributeValue cells) {
        List<AggregateCell> decoded = new ArrayList<>();
        for (AttributeValue value : cells.l()) {
            Map<String, AttributeValue> cell = value.m();
            Map<String, Long> counters = new HashMap<>();
            cell.get("counters").m().forEach((name, count) -> counters.put(name, Long.parseLong(count.n())));
            decoded.add(new AggregateCell(new AggregateKey(day, cell.get("channel").s(), cell.get("touchpoint").s(),
                    cell.get("surveyId").s()), counters));
        }
        return decoded;
    }
}
