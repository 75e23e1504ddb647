package dev.touchpoint.aws.dynamodb;

import dev.touchpoint.domain.metrics.AggregateKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A counter as reports see it: through the real reader, which folds responses and funnel cells together. */
final class ReportedCells {

    private ReportedCells() {
    }

    static long counter(DynamoDbClient dynamo, String table, AggregateKey cell, String name) {
        return new DynamoDbAggregateReader(dynamo, table).cells(cell.day(), cell.day()).stream()
                .filter(reported -> reported.key().equals(cell))
                .mapToLong(reported -> reported.counter(name)).sum();
    }
}
