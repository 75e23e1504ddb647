package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.conversation.WebhookEventCounter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Per UTC day, per provider and kind: {@code WEBHOOK#<day>} / {@code <provider>#<kind>}, an atomic ADD. */
public final class DynamoDbWebhookEventCounter implements WebhookEventCounter {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbWebhookEventCounter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void count(String provider, String kind, Instant at) {
        dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(PK, s("WEBHOOK#" + LocalDate.ofInstant(at, ZoneOffset.UTC)), SK, s(provider + "#" + kind)))
                .updateExpression("ADD events :one SET entity = :entity")
                .expressionAttributeValues(Map.of(":one", n(1), ":entity", s("webhook-count"))));
    }
}
