package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.access.RateLimiter;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Fixed one-minute windows, one counter item per bucket and minute, shared by every Lambda container
 * (an in-memory limiter would multiply the limit by the number of containers). TTL removes old windows.
 */
public final class DynamoDbRateLimiter implements RateLimiter {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbRateLimiter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean allow(String bucket, int limit, Instant now) {
        long minute = now.getEpochSecond() / 60;
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(Map.of(PK, s("RATE#" + bucket), SK, s("MINUTE#" + minute)))
                    .updateExpression("ADD uses :one SET expiresAt = :expires, entity = :entity")
                    .conditionExpression("attribute_not_exists(uses) OR uses < :limit")
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit),
                            ":expires", n((minute + 2) * 60), ":entity", s("rate-window"))));
            return true;
        } catch (ConditionalCheckFailedException overLimit) {
            return false;
        }
    }
}
