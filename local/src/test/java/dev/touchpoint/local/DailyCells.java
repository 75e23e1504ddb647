package dev.touchpoint.local;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a per-day counter (aggregate cells {@code AGGREGATE#<day>}, webhook counts {@code WEBHOOK#<day>})
 * as today's and yesterday's cell together: a test that runs across midnight UTC counts on the day its
 * event happened, which may be yesterday by the time it looks.
 */
final class DailyCells {

    private DailyCells() {
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
