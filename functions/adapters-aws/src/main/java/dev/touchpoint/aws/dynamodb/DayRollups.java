package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.aws.AtOnce;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.reports.AggregateCell;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Report cells kept once their period has settled, so a report does not read the same items again
 * each time: a day's ({@code ROLLUP#<day>}: its response cells and its funnel counters) for days before
 * yesterday, an hour's ({@code ROLLUP#<day>T<hour>}: its response cells) for the hours of today and
 * yesterday that ended over an hour ago. An item carries a {@code version} that writers bump after any
 * write to a response of a period already over (a late import, a paper form, a follow-up answer, a
 * redelivery; most responses are written in the hour they are answered and mark nothing), and with any
 * funnel counter of a day already over (a late delivery report), and the cells a reader computed
 * under the version it read. Cells are trusted only while their version is the item's; they are stored only for settled
 * periods (writers mark a period as soon as it is over, readers keep it only a day, or an hour, later:
 * a margin for clocks and slow messages), only under the version read, conditionally, and only once
 * the last change is a minute old, so the day index a reader folded had time to show it.
 */
final class DayRollups {

    /** The responses answered in {@code [from, to)}, folded into cells. */
    interface Fold {
        List<AggregateCell> answeredBetween(Instant from, Instant to);
    }

    static final String ROLLUP = "ROLLUP#";
    /**
     * A day's kept cells, funnel counters included, under attributes of their own: a day item kept before
     * the funnel counters were (its {@code cells}) is folded again, not trusted without them.
     */
    private static final KeptAs DAY = new KeptAs("dayCells", "dayCellsVersion");
    private static final KeptAs HOUR_CELLS = new KeptAs("cells", "cellsVersion");

    private record KeptAs(String cells, String version) {
    }

    private static final String SORT = "ROLLUP";
    private static final Duration SETTLING = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int MAX_CELLS = 1_000;
    private static final int HOURS_AT_ONCE = 8;
    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    DayRollups(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * After a write to a response answered at this instant: a day before today, and an hour already over
     * of the last three days (those a reader may keep by the hour, with a day's margin), lose their cells.
     */
    void changed(Instant answeredAt) {
        LocalDate day = LocalDate.ofInstant(answeredAt, ZoneOffset.UTC);
        if (day.isBefore(today())) {
            mark(dayKey(day));
        }
        if (answeredAt.truncatedTo(ChronoUnit.HOURS).isBefore(currentHour()) && !day.isBefore(today().minusDays(2))) {
            mark(hourKey(answeredAt));
        }
    }

    private void mark(Map<String, AttributeValue> key) {
        Update update = markOf(key);
        dynamo.updateItem(u -> u.tableName(table).key(key).updateExpression(update.updateExpression())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    private Update markOf(Map<String, AttributeValue> key) {
        return Update.builder().tableName(table).key(key).updateExpression("ADD version :one SET changedAt = :now")
                .expressionAttributeValues(Map.of(":one", n(1), ":now", n(clock.millis()))).build();
    }

    /**
     * The mark a funnel counter of this day needs, to be written with it in one transaction: a day before
     * today, whose kept cells would otherwise miss it; none for today's (most counters: they are counted
     * the day their event occurs).
     */
    Optional<Update> funnelMark(LocalDate day) {
        return day.isBefore(today()) ? Optional.of(markOf(dayKey(day))) : Optional.empty();
    }

    /**
     * The items of the days from {@code from} to {@code to} that may hold stored cells (a day before
     * yesterday, a settled hour of today or yesterday), read together: a report of a month reads them in
     * one call, not thirty. Keyed by partition key; an item DynamoDB left unread is absent, and
     * {@link #cells} reads it itself.
     */
    Map<String, Map<String, AttributeValue>> stored(LocalDate from, LocalDate to) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (keeps(day)) {
                keys.add(dayKey(day));
            } else {
                keptHours(day).forEach(hour -> keys.add(hourKey(hour)));
            }
        }
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        BatchReads.consistent(dynamo, table, keys, (pk, item) -> items.put(pk, item.orElse(Map.of())));
        return items;
    }

    /**
     * The day's cells: a settled day's stored ones (responses and funnel) while valid, else folded and
     * read (and stored if the day has settled); for today and yesterday, their settled hours' stored
     * response cells, the rest folded, and the funnel read. {@code stored} is what {@link #stored} read;
     * an item it lacks is read here.
     */
    List<AggregateCell> cells(LocalDate day, Map<String, Map<String, AttributeValue>> stored, Fold fold,
                              Supplier<List<AggregateCell>> funnel) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = start.plus(Duration.ofDays(1));
        if (keeps(day)) {
            return kept(day, dayKey(day), DAY, stored, () -> {
                List<AggregateCell> cells = new ArrayList<>(funnel.get());
                cells.addAll(fold.answeredBetween(start, end));
                return cells;
            });
        }
        List<Instant> hours = keptHours(day);
        List<AggregateCell> cells = new ArrayList<>(funnel.get());
        AtOnce.map(hours, HOURS_AT_ONCE, hour -> kept(day, hourKey(hour), HOUR_CELLS, stored,
                        () -> fold.answeredBetween(hour, hour.plus(HOUR))))
                .forEach(cells::addAll);
        Instant rest = hours.isEmpty() ? start : hours.get(hours.size() - 1).plus(HOUR);
        if (rest.isBefore(end)) { // yesterday, from 01:00, is all kept hours: nothing left to fold
            cells.addAll(fold.answeredBetween(rest, end));
        }
        return cells;
    }

    private List<AggregateCell> kept(LocalDate day, Map<String, AttributeValue> key, KeptAs as,
                                     Map<String, Map<String, AttributeValue>> stored, Supplier<List<AggregateCell>> compute) {
        String pk = key.get(PK).s();
        Map<String, AttributeValue> item = stored.containsKey(pk) ? stored.get(pk) : Optional.ofNullable(dynamo.getItem(
                g -> g.tableName(table).key(key).consistentRead(true)).item()).orElse(Map.of());
        long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0;
        if (item.containsKey(as.cells()) && item.containsKey(as.version()) && Long.parseLong(item.get(as.version()).n()) == version) {
            return decode(day, item.get(as.cells()));
        }
        List<AggregateCell> computed = compute.get();
        boolean settled = !item.containsKey("changedAt")
                || Long.parseLong(item.get("changedAt").n()) < clock.millis() - SETTLING.toMillis();
        if (settled && computed.size() <= MAX_CELLS) {
            store(key, as, version, computed);
        }
        return computed;
    }

    private void store(Map<String, AttributeValue> key, KeptAs as, long version, List<AggregateCell> cells) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":cells", encode(cells), ":version", n(version),
                ":cutoff", n(clock.millis() - SETTLING.toMillis())));
        String unchanged = version == 0 ? "attribute_not_exists(version)" : "version = :version";
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key)
                    .updateExpression("SET " + as.cells() + " = :cells, " + as.version() + " = :version")
                    .conditionExpression(unchanged + " AND (attribute_not_exists(changedAt) OR changedAt < :cutoff)")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // A writer changed the period meanwhile: these cells may miss its response; the next report recomputes.
        }
    }

    /** Only days before yesterday keep cells as a whole: yesterday still takes late writes, and writers mark it too. */
    private boolean keeps(LocalDate day) {
        return day.isBefore(today().minusDays(1));
    }

    /** The hours of a day not kept whole that keep cells: those that ended over an hour ago (writers mark them from their end). */
    private List<Instant> keptHours(LocalDate day) {
        Instant until = currentHour().minus(HOUR);
        List<Instant> hours = new ArrayList<>();
        for (Instant hour = day.atStartOfDay(ZoneOffset.UTC).toInstant(); hours.size() < 24 && hour.isBefore(until); hour = hour.plus(HOUR)) {
            hours.add(hour);
        }
        return hours;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private Instant currentHour() {
        return clock.instant().truncatedTo(ChronoUnit.HOURS);
    }

    private static Map<String, AttributeValue> dayKey(LocalDate day) {
        return Map.of(PK, s(ROLLUP + day), SK, s(SORT));
    }

    private static Map<String, AttributeValue> hourKey(Instant hour) {
        return Map.of(PK, s(ROLLUP + HOUR_KEY.format(hour)), SK, s(SORT));
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
