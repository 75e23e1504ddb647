package dev.touchpoint.aws.dynamodb;

import dev.touchpoint.aws.EmbeddedEngines;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** A fresh table with the real response repository and report reader on a clock the test moves forward. */
final class ReportFixture {

    /** A clock the test moves forward. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    final DynamoDbClient dynamo;
    final String table;
    final TestClock clock;
    final DynamoDbResponseRepository responses;
    final DynamoDbAggregateReader reports;

    ReportFixture(Instant now) throws Exception {
        dynamo = DynamoDbClients.create(EmbeddedEngines.environment());
        table = EmbeddedEngines.newTable(dynamo);
        clock = new TestClock(now);
        responses = new DynamoDbResponseRepository(dynamo, table, clock);
        reports = new DynamoDbAggregateReader(dynamo, table, clock);
    }

    /** The responses of the paper channel a report over these days counts. */
    long paperResponses(LocalDate from, LocalDate to) {
        return reports.cells(from, to).stream().filter(cell -> cell.key().channel().equals("paper"))
                .mapToLong(cell -> cell.counter("responses")).sum();
    }

    /** Takes a response out of the day index behind the reader's back: only stored cells still count it. */
    void hideFromTheDayIndex(String id) {
        dynamo.updateItem(u -> u.tableName(table).key(Map.of("PK", AttributeValue.fromS("RESPONSE#" + id),
                "SK", AttributeValue.fromS("RESPONSE"))).updateExpression("REMOVE GSI2PK, GSI2SK"));
    }

    /** A client of the same table that counts its calls by request type (a query on the day index as {@code QueryRequest:GSI2}). */
    static DynamoDbClient countingCalls(Map<String, Integer> calls) throws Exception {
        var env = EmbeddedEngines.environment();
        return DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(env.required("AWS_ENDPOINT_URL_DYNAMODB")))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(env.required("AWS_ACCESS_KEY_ID"),
                                env.required("AWS_SECRET_ACCESS_KEY"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context,
                                                ExecutionAttributes attributes) {
                        String type = context.request().getClass().getSimpleName();
                        if (context.request() instanceof QueryRequest query && query.indexName() != null) {
                            type += ":" + query.indexName();
                        }
                        calls.merge(type, 1, Integer::sum);
                    }
                }))
                .build();
    }
}
