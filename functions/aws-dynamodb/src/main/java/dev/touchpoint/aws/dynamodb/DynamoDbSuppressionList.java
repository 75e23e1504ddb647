package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.Attr.ss;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.privacy.SuppressionList;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Kept consent in the one table: {@code SUPPRESSION#<keyed hash>} / {@code SUPPRESSION}, its closed
 * channels a string set {@code channels}. Nothing on the item names the person: the key is an HMAC of
 * the identifier under the deployment's secret.
 */
public final class DynamoDbSuppressionList implements SuppressionList {

    static final String SUPPRESSION = "SUPPRESSION#";
    private static final String SUPPRESSION_SK = "SUPPRESSION";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSuppressionList(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void keep(String key, Set<String> channels, Instant at) {
        dynamo.updateItem(u -> u.tableName(table).key(key(key))
                .updateExpression("ADD channels :channels SET keptAt = :at, entity = :entity")
                .expressionAttributeValues(Map.of(":channels", ss(channels), ":at", s(at.toString()), ":entity", s("suppression"))));
    }

    /**
     * One consistent {@code BatchGetItem} per 100 keys. Consent fails closed: a key the batch leaves
     * unread is not taken as "no record", the call throws and the send waits for the next run.
     */
    @Override
    public Map<String, Set<String>> closedChannels(Set<String> keys) {
        Map<String, Set<String>> closed = new HashMap<>();
        if (keys.isEmpty()) {
            return closed;
        }
        List<Map<String, AttributeValue>> itemKeys = keys.stream().map(DynamoDbSuppressionList::key).toList();
        Set<String> read = new HashSet<>();
        BatchReads.consistent(dynamo, table, itemKeys, (pk, item) -> {
            read.add(pk);
            item.ifPresent(found -> closed.put(pk.substring(SUPPRESSION.length()), Attr.stringSet(found, "channels")));
        });
        if (read.size() < keys.size()) {
            throw new IllegalStateException("the suppression list was not read in full; the send waits");
        }
        return closed;
    }

    @Override
    public void reopen(String key, String channel) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(key))
                    .updateExpression("DELETE channels :channel")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":channel", ss(Set.of(channel)))));
        } catch (ConditionalCheckFailedException nothingKept) {
            // No erasure kept anything for this address: nothing to reopen.
        }
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(PK, s(SUPPRESSION + key), SK, s(SUPPRESSION_SK));
    }
}
