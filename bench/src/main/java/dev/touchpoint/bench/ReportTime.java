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
 * What a summary report costs a reader over a settled day (three days ago) of {@value #RESPONSES}
 * responses written through the real repository: the first report folds them from the day index and
 * keeps the cells; the next reads the kept cells. The reports must count every response, or the bench stops.
 */
final class ReportTime {

    private static final int RESPONSES = 10_000;

    private ReportTime() {
    }

    static void measure(Map<String, String> env, Map<String, Object> results) throws Exception {
        DynamoDbClient dynamo = AwsClients.dynamoDb(Environment.of(env));
        String table = "bench-reports";
        dynamo.createTable(TouchpointTable.createTableRequest(table));
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        Semaphore inFlight = new Semaphore(16);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < RESPONSES; i++) {
                int n = i;
                inFlight.acquire();
                threads.submit(() -> {
                    try {
                        Instant at = day.atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(n);
                        responses.record(new ResponseRecord("report-" + n, "p-" + (n % 2_000), null, List.of("web", "sms", "email").get(n % 3),
                                "store-" + (n % 20), "post-service", List.of(Answer.scored("nps", AnswerType.NPS, n % 11)), at, at, null, null));
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        // A reader two minutes on: the writes' marks have settled, so the first report may keep its cells.
        DynamoDbAggregateReader reports = new DynamoDbAggregateReader(dynamo, table, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2)));
        double folded = time(reports, day);
        double kept = time(reports, day);
        results.put("report_ms_settled_day_of_10000_responses.folded", Bench.round(folded));
        results.put("report_ms_settled_day_of_10000_responses.kept", Bench.round(kept));
        System.out.printf("  report over a settled day of %d responses: folded %.0f ms, then kept %.1f ms%n", RESPONSES, folded, kept);
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
