package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.aws.AtOnce;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.reports.AggregateCell;
import dev.touchpoint.domain.reports.ResponseCells;
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
 * yesterday that ended over five minutes ago, and ten minutes' ({@code ROLLUP#<day>T<hour>:<minute>},
 * kept a day) for the stretch after the last kept hour, so a report folds at most the last quarter
 * of an hour from the day index; an hour, when it comes to be kept, is made of its ten minutes' kept
 * cells where they are valid (writers still mark them), not folded whole again. An item carries a {@code version} that writers bump after any
 * write to a response of a period already over (a late import, a paper form, a follow-up answer, a
 * redelivery; most responses are written in the ten minutes they are answered and mark nothing), and with any
 * funnel counter of a day already over (a late delivery report), and the cells a reader computed
 * under the version it read. Cells are trusted only while their version is the item's; they are stored only for settled
 * periods (writers mark a period as soon as it is over, readers keep it only a day, or five minutes,
 * later: a margin for clocks, and for the day index to show a write made just before the end), only
 * under the version read, conditionally, and only once the last change is a minute old, so the day
 * index a reader folded had time to show it.
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
    private static final Duration SLOT = Duration.ofMinutes(10);
    /**
     * How long after its end an hour or a slot may keep cells: writers decide whether to mark by their own
     * clock, after their put, so a put just before the end marks nothing; the margin covers the clocks'
     * disagreement and the day index showing that put (within the minute {@link #SETTLING} also assumes).
     */
    private static final Duration SETTLES_AFTER = Duration.ofMinutes(5);
    /** Slots are kept only after the last kept hour, within the last 65 minutes; writers mark those of the last three hours. */
    private static final Duration SLOTS_MARKED_FOR = Duration.ofHours(3);
    /** An hour is made of its slots' kept cells only while writers still mark them, with a margin for their clocks. */
    private static final Duration SLOTS_TRUSTED_FOR = SLOTS_MARKED_FOR.minus(Duration.ofMinutes(15));
    private static final Duration SLOT_KEPT_FOR = Duration.ofDays(1);
    private static final Duration HOUR_KEPT_FOR = Duration.ofDays(4);
    /** A SET clause's part that sets the item's expiry (TTL) to {@code :expires}. */
    private static final String EXPIRES = ", " + TouchpointTable.TTL_ATTRIBUTE + " = :expires";
    private static final int MAX_CELLS = 1_000;
    private static final int PERIODS_AT_ONCE = 8;
    private static final DateTimeFormatter HOUR_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SLOT_KEY = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    /** An hour or a ten-minute slot whose cells may be kept, under its item's key, and when TTL removes that item. */
    private record Period(Instant start, Duration length, Map<String, AttributeValue> key, Instant expires) {
        Instant end() {
            return start.plus(length);
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    DayRollups(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * After a write to a response answered at this instant: a day before today, an hour already over of
     * the last three days (those a reader may keep by the hour, with a day's margin), and a ten-minute
     * slot already over of the last three hours lose their cells.
     */
    void changed(Instant answeredAt) {
        LocalDate day = LocalDate.ofInstant(answeredAt, ZoneOffset.UTC);
        if (day.isBefore(today())) {
            mark(dayKey(day));
        }
        if (answeredAt.truncatedTo(ChronoUnit.HOURS).isBefore(currentHour()) && !day.isBefore(today().minusDays(2))) {
            mark(hour(answeredAt.truncatedTo(ChronoUnit.HOURS)));
        }
        Instant slot = slotOf(answeredAt);
        if (slot.isBefore(slotOf(clock.instant())) && slot.isAfter(clock.instant().minus(SLOTS_MARKED_FOR))) {
            mark(slot(slot));
        }
    }

    private void mark(Map<String, AttributeValue> key) {
        Update update = markOf(key);
        dynamo.updateItem(u -> u.tableName(table).key(key).updateExpression(update.updateExpression())
                .expressionAttributeValues(update.expressionAttributeValues()));
    }

    /** The same for an hour or ten minutes, whose item expires (TTL) once nobody reads or marks it. */
    private void mark(Period period) {
        Update update = markOf(period.key());
        dynamo.updateItem(u -> u.tableName(table).key(period.key()).updateExpression(update.updateExpression() + EXPIRES)
                .expressionAttributeValues(withExpiry(update.expressionAttributeValues(), Optional.of(period.expires()))));
    }

    private static Map<String, AttributeValue> withExpiry(Map<String, AttributeValue> values, Optional<Instant> expires) {
        Map<String, AttributeValue> with = new HashMap<>(values);
        expires.ifPresent(at -> with.put(":expires", n(at.getEpochSecond())));
        return with;
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
     * yesterday, a settled hour or ten minutes of today or yesterday), read together: a report of a month reads them in
     * one call, not thirty. Keyed by partition key; an item DynamoDB left unread is absent, and
     * {@link #cells} reads it itself.
     */
    Map<String, Map<String, AttributeValue>> stored(LocalDate from, LocalDate to) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (keeps(day)) {
                keys.add(dayKey(day));
            } else {
                keptPeriods(day).forEach(period -> keys.add(period.key()));
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
            return kept(day, dayKey(day), Optional.empty(), DAY, stored, () -> {
                List<AggregateCell> cells = new ArrayList<>(funnel.get());
                cells.addAll(fold.answeredBetween(start, end));
                return cells;
            });
        }
        List<Period> periods = keptPeriods(day);
        List<AggregateCell> cells = new ArrayList<>(funnel.get());
        AtOnce.map(periods, PERIODS_AT_ONCE, period -> kept(day, period.key(), Optional.of(period.expires()), HOUR_CELLS, stored,
                        () -> folded(day, period, fold)))
                .forEach(cells::addAll);
        Instant rest = periods.isEmpty() ? start : periods.get(periods.size() - 1).end();
        if (rest.isBefore(end)) { // yesterday, from 00:05, is all kept periods: nothing left to fold
            cells.addAll(fold.answeredBetween(rest, end));
        }
        return cells;
    }

    /**
     * A period's cells from the day index; an hour still within the slots writers mark, from its six
     * slots instead: their kept cells where valid, the others folded (each run of them in one fold, so
     * an hour none of whose slots was kept is folded once, as before). So the first report after an
     * hour ends reads the slots nobody kept, not the whole hour again.
     */
    private List<AggregateCell> folded(LocalDate day, Period period, Fold fold) {
        if (!period.length().equals(HOUR) || !period.start().isAfter(clock.instant().minus(SLOTS_TRUSTED_FOR))) {
            return fold.answeredBetween(period.start(), period.end());
        }
        List<Period> slots = new ArrayList<>();
        for (Instant start = period.start(); start.isBefore(period.end()); start = start.plus(SLOT)) {
            slots.add(slot(start));
        }
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        BatchReads.consistent(dynamo, table, slots.stream().map(Period::key).toList(), (pk, item) -> items.put(pk, item.orElse(Map.of())));
        return ofSlots(day, period, slots, items, fold);
    }

    /** The hour's cells: each slot's kept ones where valid, each run of the others folded at once. */
    private static List<AggregateCell> ofSlots(LocalDate day, Period period, List<Period> slots,
                                               Map<String, Map<String, AttributeValue>> items, Fold fold) {
        ResponseCells hour = new ResponseCells();
        Instant unkeptSince = null;
        for (Period slot : slots) {
            Optional<List<AggregateCell>> kept = validCells(day, items.getOrDefault(slot.key().get(PK).s(), Map.of()), HOUR_CELLS);
            if (kept.isPresent()) {
                if (unkeptSince != null) {
                    fold.answeredBetween(unkeptSince, slot.start()).forEach(hour::add);
                    unkeptSince = null;
                }
                kept.get().forEach(hour::add);
            } else if (unkeptSince == null) {
                unkeptSince = slot.start();
            }
        }
        if (unkeptSince != null) {
            fold.answeredBetween(unkeptSince, period.end()).forEach(hour::add);
        }
        return hour.cells();
    }

    private List<AggregateCell> kept(LocalDate day, Map<String, AttributeValue> key, Optional<Instant> expires, KeptAs as,
                                     Map<String, Map<String, AttributeValue>> stored, Supplier<List<AggregateCell>> compute) {
        String pk = key.get(PK).s();
        Map<String, AttributeValue> item = stored.containsKey(pk) ? stored.get(pk) : Optional.ofNullable(dynamo.getItem(
                g -> g.tableName(table).key(key).consistentRead(true)).item()).orElse(Map.of());
        long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0;
        Optional<List<AggregateCell>> valid = validCells(day, item, as);
        if (valid.isPresent()) {
            return valid.get();
        }
        List<AggregateCell> computed = compute.get();
        boolean settled = !item.containsKey("changedAt")
                || Long.parseLong(item.get("changedAt").n()) < clock.millis() - SETTLING.toMillis();
        if (settled && computed.size() <= MAX_CELLS) {
            store(key, expires, as, version, computed);
        }
        return computed;
    }

    /** The item's kept cells, if it has some kept under its current version. */
    private static Optional<List<AggregateCell>> validCells(LocalDate day, Map<String, AttributeValue> item, KeptAs as) {
        long version = item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0;
        if (item.containsKey(as.cells()) && item.containsKey(as.version()) && Long.parseLong(item.get(as.version()).n()) == version) {
            return Optional.of(decode(day, item.get(as.cells())));
        }
        return Optional.empty();
    }

    private void store(Map<String, AttributeValue> key, Optional<Instant> expires, KeptAs as, long version, List<AggregateCell> cells) {
        Map<String, AttributeValue> values = withExpiry(Map.of(":cells", encode(cells), ":version", n(version),
                ":cutoff", n(clock.millis() - SETTLING.toMillis())), expires);
        String unchanged = version == 0 ? "attribute_not_exists(version)" : "version = :version";
        String update = "SET " + as.cells() + " = :cells, " + as.version() + " = :version" + (expires.isPresent() ? EXPIRES : "");
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key)
                    .updateExpression(update)
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

    /**
     * The periods of a day not kept whole that keep cells, in order: its hours that ended over
     * {@link #SETTLES_AFTER} ago, then the ten-minute slots after them that did (writers mark both from
     * their end). What follows them, at most the last quarter of an hour, is folded on every report.
     */
    private List<Period> keptPeriods(LocalDate day) {
        Instant settled = clock.instant().minus(SETTLES_AFTER);
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Period> periods = new ArrayList<>();
        Instant next = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (; next.isBefore(end) && !next.plus(HOUR).isAfter(settled); next = next.plus(HOUR)) {
            periods.add(hour(next));
        }
        for (; next.isBefore(end) && !next.plus(SLOT).isAfter(settled); next = next.plus(SLOT)) {
            periods.add(slot(next));
        }
        return periods;
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

    /** An hour's cells are read while it is today's or yesterday's, and marked for three days: TTL removes its item on the fourth. */
    private static Period hour(Instant start) {
        return new Period(start, HOUR, Map.of(PK, s(ROLLUP + HOUR_KEY.format(start)), SK, s(SORT)), start.plus(HOUR_KEPT_FOR));
    }

    /** A slot's cells are read for an hour at most, until its hour is kept: TTL removes its item a day on. */
    private static Period slot(Instant start) {
        return new Period(start, SLOT, Map.of(PK, s(ROLLUP + SLOT_KEY.format(start)), SK, s(SORT)), start.plus(SLOT_KEPT_FOR));
    }

    private static Instant slotOf(Instant at) {
        long minutes = at.getEpochSecond() / 60;
        return Instant.ofEpochSecond((minutes - minutes % SLOT.toMinutes()) * 60);
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
