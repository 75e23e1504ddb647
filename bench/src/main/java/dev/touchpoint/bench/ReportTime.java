package dev.touchpoint.bench;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbAggregateReader;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.dynamodb.TouchpointTable;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.profile.ResponseRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a summary report costs a reader over {@value #RESPONSES} responses written through the real
 * repository, on a settled day (three days ago, kept whole) and on yesterday (kept hour by hour): the
 * first report folds them from the day index and keeps the cells; the next reads the kept cells. The
 * reports must count every response, or the bench stops.
 */
final class ReportTime {

    private static final int RESPONSES = 10_000;

    private ReportTime() {
    }

    static void measure(Map<String, String> env, Map<String, Object> results) throws Exception {
        DynamoDbClient dynamo = AwsClients.dynamoDb(Environment.of(env));
        String table = "bench-reports";
        dynamo.createTable(TouchpointTable.createTableRequest(table));
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        LocalDate settled = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        write(responses, settled, 8, "settled-");
        // Yesterday's hours up to 22:00 have always ended over an hour ago: each keeps its own cells.
        write(responses, yesterday, 23, "yesterday-");
        // A reader two minutes on: the writes' marks have settled, so the first report may keep its cells.
        DynamoDbAggregateReader reports = new DynamoDbAggregateReader(dynamo, table, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)));
        record(results, "settled_day", "a settled day", time(reports, settled), time(reports, settled));
        record(results, "yesterday", "yesterday (23 settled hours)", time(reports, yesterday), time(reports, yesterday));
    }

    /** {@value #RESPONSES} responses of the day through the real repository, spread over its first {@code hours} hours. */
    private static void write(DynamoDbResponseRepository responses, LocalDate day, int hours, String prefix) throws InterruptedException {
        Semaphore inFlight = new Semaphore(16);
        long spread = hours * 3600L / RESPONSES;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < RESPONSES; i++) {
                int n = i;
                inFlight.acquire();
                threads.submit(() -> {
                    try {
                        Instant at = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(n * spread);
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

    private static double time(DynamoDbAggregateReader reports, LocalDate day) {
        long start = System.nanoTime();
        long counted = reports.cells(day, day).stream().mapToLong(cell -> cell.counter("responses")).sum();
        double millis = (System.nanoTime() - start) / 1e6;
        if (counted != RESPONSES) {
            throw new IllegalStateException("the report counted " + counted + " of " + RESPONSES + " responses");
        }
        return millis;
    }
}
