package dev.touchpoint.bench;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbAggregateReader;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.dynamodb.TouchpointTable;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.response.ResponseRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a summary report costs a reader over {@value #RESPONSES} responses written through the real
 * repository, on a settled day (three days ago, kept whole), on yesterday (kept hour by hour) and over
 * the last hour (kept ten minutes by ten minutes, but for its last minutes): the first report folds
 * them from the day index and keeps the cells; the next reads the kept cells. The reports must count
 * every response, or the bench stops.
 */
final class ReportTime {

    private static final int RESPONSES = 10_000;

    private ReportTime() {
    }

    static void measure(Map<String, String> env, Map<String, Object> results) throws Exception {
        DynamoDbClient dynamo = DynamoDbClients.create(Environment.of(env));
        String table = "bench-reports";
        dynamo.createTable(TouchpointTable.createTableRequest(table));
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        LocalDate settled = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        write(responses, day(settled), Duration.ofHours(8), "settled-");
        // Yesterday's hours up to 22:00 have always ended over five minutes ago: each keeps its own cells.
        write(responses, day(yesterday), Duration.ofHours(23), "yesterday-");
        // A reader two minutes on: the writes' marks have settled, so the first report may keep its cells.
        Clock reader = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
        DynamoDbAggregateReader reports = new DynamoDbAggregateReader(dynamo, table, reader);
        record(results, "settled_day", "a settled day", time(reports, settled, settled), time(reports, settled, settled));
        record(results, "yesterday", "yesterday (23 settled hours)", time(reports, yesterday, yesterday), time(reports, yesterday, yesterday));

        // The hour up to five minutes ago, in a table of its own: just after midnight it is partly yesterday's.
        String lastHourTable = "bench-reports-last-hour";
        dynamo.createTable(TouchpointTable.createTableRequest(lastHourTable));
        Instant lastHour = Instant.now().minus(Duration.ofMinutes(65));
        write(new DynamoDbResponseRepository(dynamo, lastHourTable), lastHour, Duration.ofHours(1), "last-hour-");
        DynamoDbAggregateReader lastHourReports = new DynamoDbAggregateReader(dynamo, lastHourTable, reader);
        LocalDate from = LocalDate.ofInstant(lastHour, ZoneOffset.UTC);
        LocalDate today = LocalDate.now(reader);
        record(results, "last_hour", "the last hour (kept by ten minutes but its last minutes)",
                time(lastHourReports, from, today), time(lastHourReports, from, today));
        hourJustEnded(dynamo, results);
        readUnits(env, results, reader, table, lastHourTable);
    }

    /**
     * What a dashboard's report costs in read units once its periods are kept, as DynamoDB reports them
     * ({@link WriteMeter}): a 30-day summary over the settled day's and yesterday's responses above, and
     * one over the last hour's, which still folds its last minutes from the day index; then a dashboard
     * refreshing that report every minute for a month (43 200 reports) at on-demand read prices.
     */
    private static void readUnits(Map<String, String> env, Map<String, Object> results, Clock reader, String table,
                                  String lastHourTable) throws Exception {
        try (WriteMeter meter = new WriteMeter(URI.create(env.get("AWS_ENDPOINT_URL_DYNAMODB")))) {
            Map<String, String> metered = new HashMap<>(env);
            metered.put("AWS_ENDPOINT_URL_DYNAMODB", meter.endpoint().toString());
            DynamoDbClient dynamo = DynamoDbClients.create(Environment.of(metered));
            LocalDate today = LocalDate.now(reader);
            for (var report : List.of(Map.entry("summary_of_30_days_kept", new DynamoDbAggregateReader(dynamo, table, reader)),
                    Map.entry("summary_of_the_last_hours_10000_responses_kept", new DynamoDbAggregateReader(dynamo, lastHourTable, reader)))) {
                report.getValue().cells(today.minusDays(29), today); // the month's empty days kept too
                double before = meter.readUnits();
                report.getValue().cells(today.minusDays(29), today);
                double units = meter.readUnits() - before;
                double monthly = 43_200 * units * CostModel.DYNAMODB_READ_PER_MILLION / 1e6;
                results.put("read_units_per_report." + report.getKey(), Bench.round(units));
                results.put("cost_usd_per_month_of_a_dashboard_refreshing_every_minute." + report.getKey(), Bench.round(monthly));
                System.out.printf("  read units of a report, %s: %.1f (refreshed every minute for a month: 43 200 × %.1f × %.3f / 10^6"
                        + " = US$%.2f)%n", report.getKey().replace('_', ' '), units, units, CostModel.DYNAMODB_READ_PER_MILLION, monthly);
            }
        }
    }

    /**
     * An hour whose reports kept its ten minutes while it ran (a reader at 55 past), read again just
     * after it ended (6 past the next hour): the hour is made of its kept ten minutes and the last one
     * folded, then kept. Its responses are answered in the next hour, written now, on time as most are
     * (so nothing is marked), and read through readers whose clocks stand in that hour.
     */
    private static void hourJustEnded(DynamoDbClient dynamo, Map<String, Object> results) throws InterruptedException {
        String table = "bench-reports-hour-just-ended";
        dynamo.createTable(TouchpointTable.createTableRequest(table));
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        write(new DynamoDbResponseRepository(dynamo, table), hour, Duration.ofHours(1), "hour-");
        LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
        time(new DynamoDbAggregateReader(dynamo, table, Clock.fixed(hour.plus(Duration.ofMinutes(55)), ZoneOffset.UTC)), day, day);
        DynamoDbAggregateReader after = new DynamoDbAggregateReader(dynamo, table, Clock.fixed(hour.plus(Duration.ofMinutes(66)), ZoneOffset.UTC));
        double made = time(after, day, day);
        double kept = time(after, day, day);
        results.put("report_ms_hour_just_ended_of_10000_responses.made_of_ten_minutes", Bench.round(made));
        results.put("report_ms_hour_just_ended_of_10000_responses.kept", Bench.round(kept));
        System.out.printf("  report over an hour just ended of %d responses (kept ten minutes by ten minutes while it ran):"
                + " made of them %.0f ms, then kept %.1f ms%n", RESPONSES, made, kept);
    }

    private static Instant day(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** {@value #RESPONSES} responses through the real repository, answered over {@code over} from {@code from}. */
    private static void write(DynamoDbResponseRepository responses, Instant from, Duration over, String prefix) throws InterruptedException {
        Semaphore inFlight = new Semaphore(16);
        long spreadMillis = over.toMillis() / RESPONSES;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < RESPONSES; i++) {
                int n = i;
                inFlight.acquire();
                threads.submit(() -> {
                    try {
                        Instant at = from.plusMillis(n * spreadMillis);
                        responses.record(new ResponseRecord(prefix + n, "p-" + (n % 2_000), null, List.of("web", "sms", "email").get(n % 3),
                                "store-" + (n % 20), "post-service", List.of(Answer.scored("nps", AnswerType.NPS, n % 11)), at, at, null, null));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
    }

    private static void record(Map<String, Object> results, String key, String label, double folded, double kept) {
        results.put("report_ms_" + key + "_of_10000_responses.folded", Bench.round(folded));
        results.put("report_ms_" + key + "_of_10000_responses.kept", Bench.round(kept));
        System.out.printf("  report over %s of %d responses: folded %.0f ms, then kept %.1f ms%n", label, RESPONSES, folded, kept);
    }

    /** The report's time; it must count the {@value #RESPONSES} responses written for it. */
    private static double time(DynamoDbAggregateReader reports, LocalDate from, LocalDate to) {
        long start = System.nanoTime();
        long counted = reports.cells(from, to).stream().mapToLong(cell -> cell.counter("responses")).sum();
        double millis = (System.nanoTime() - start) / 1e6;
        if (counted != RESPONSES) {
            throw new IllegalStateException("the report counted " + counted + " of " + RESPONSES + " responses");
        }
        return millis;
    }
}
