package dev.touchpoint.local;

import dev.touchpoint.aws.dynamodb.DynamoDbAggregateReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a per-day counter (webhook counts {@code WEBHOOK#<day>}; report cells through the reporting
 * reader, which derives response counters from the responses) as today's and yesterday's together: a test that runs across midnight UTC counts on the day its
 * event happened, which may be yesterday by the time it looks.
 */
final class DailyCells {

    private DailyCells() {
    }

    /** A report cell's counter, {@code cell} written {@code channel#touchpoint#survey}, as the reports read it. */
    static long reported(LocalRuntime runtime, String cell, String name) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String[] parts = cell.split("#", 3);
        return new DynamoDbAggregateReader(runtime.dynamoDb(), "touchpoint")
                .cells(today.minusDays(1), today).stream()
                .filter(c -> c.key().channel().equals(parts[0]) && c.key().touchpoint().equals(parts[1])
                        && c.key().surveyId().equals(parts[2]))
                .mapToLong(c -> c.counter(name)).sum();
    }

    static long counter(LocalRuntime runtime, String partitionPrefix, String cell, String name) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long total = 0;
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Map<String, AttributeValue> item = runtime.dynamoDb().getItem(g -> g.tableName("touchpoint").key(Map.of(
                    "PK", AttributeValue.fromS(partitionPrefix + day), "SK", AttributeValue.fromS(cell)))).item();
            if (item != null && item.containsKey(name)) {
                total += Long.parseLong(item.get(name).n());
            }
        }
        return total;
    }
}
