package dev.touchpoint.aws.dynamodb;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.EmbeddedEngines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
        dynamo = AwsClients.dynamoDb(EmbeddedEngines.environment());
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
}
