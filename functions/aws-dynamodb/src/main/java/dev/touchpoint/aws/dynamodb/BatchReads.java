package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Consistent reads of many items of the table, in {@code BatchGetItem} calls of up to 100 keys. */
final class BatchReads {

    private static final int LIMIT = 100;

    private BatchReads() {
    }

    /**
     * Answers each key read with its item or empty, by the key's {@code PK} (each key's {@code PK} must
     * be its own). Keys DynamoDB leaves unprocessed (it may under load) are not answered: the caller
     * reads those itself.
     */
    static void consistent(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys,
                           BiConsumer<String, Optional<Map<String, AttributeValue>>> answer) {
        for (int from = 0; from < keys.size(); from += LIMIT) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + LIMIT));
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(Map.of(table,
                    KeysAndAttributes.builder().keys(chunk).consistentRead(true).build())));
            Set<String> unread = new HashSet<>();
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table);
            if (unprocessed != null) {
                unprocessed.keys().forEach(key -> unread.add(key.get(PK).s()));
            }
            Map<String, Map<String, AttributeValue>> found = new HashMap<>();
            response.responses().getOrDefault(table, List.of()).forEach(item -> found.put(item.get(PK).s(), item));
            chunk.stream().map(key -> key.get(PK).s()).filter(pk -> !unread.contains(pk))
                    .forEach(pk -> answer.accept(pk, Optional.ofNullable(found.get(pk))));
        }
    }
}
