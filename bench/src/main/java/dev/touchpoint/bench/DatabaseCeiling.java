package dev.touchpoint.bench;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.TouchpointTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The database's own ceiling in this run, from one client: items a second by BatchWriteItem (25 a
 * call) and by sequential PutItem, with items the size of a response record, into a table shaped like
 * ours (the same key schema and indexes).
 */
final class DatabaseCeiling {

    private static final int WARM_UP_ITEMS = 5_000;
    private static final int ROUND_ITEMS = 10_000;
    private static final int ROUNDS = 3;
    private static final int PUT_ITEMS = 2_000;

    private DatabaseCeiling() {
    }

    /**
     * BatchWriteItem is measured after a warm-up (DynamoDB Local runs in this JVM and compiles as it
     * goes), as the median of three rounds: single rounds moved by a third from run to run.
     */
    static void measure(Map<String, String> env, Map<String, Object> results) {
        DynamoDbClient dynamo = DynamoDbClients.create(Environment.of(env));
        String table = "bench-ceiling";
        dynamo.createTable(TouchpointTable.createTableRequest(table));
        batchWrite(dynamo, table, "warm", WARM_UP_ITEMS);
        double[] rounds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            batchWrite(dynamo, table, "round-" + round, ROUND_ITEMS);
            rounds[round] = ROUND_ITEMS / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rounds);
        double batchRate = rounds[ROUNDS / 2];
        long start = System.nanoTime();
        for (int i = 0; i < PUT_ITEMS; i++) {
            Map<String, AttributeValue> item = item("put-" + i);
            dynamo.putItem(p -> p.tableName(table).item(item));
        }
        double putRate = PUT_ITEMS / ((System.nanoTime() - start) / 1e9);
        results.put("dynamodb_local_items_per_second.batch_write_item", Math.round(batchRate));
        results.put("dynamodb_local_items_per_second.sequential_put_item", Math.round(putRate));
        System.out.printf("  DynamoDB Local: BatchWriteItem %.0f items/s (rounds %.0f–%.0f), sequential PutItem %.0f items/s%n",
                batchRate, rounds[0], rounds[ROUNDS - 1], putRate);
    }

    private static void batchWrite(DynamoDbClient dynamo, String table, String prefix, int items) {
        for (int first = 0; first < items; first += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = first; i < first + 25; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(prefix + "-" + i)).build()).build());
            }
            Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
            while (!unprocessed.isEmpty()) {
                Map<String, List<WriteRequest>> pending = unprocessed;
                unprocessed = dynamo.batchWriteItem(b -> b.requestItems(pending)).unprocessedItems();
            }
        }
    }

    /** About 400 bytes, like a response with two answers, on the day index like a response. */
    private static Map<String, AttributeValue> item(String id) {
        return Map.of("PK", AttributeValue.fromS("RESPONSE#" + id), "SK", AttributeValue.fromS("RESPONSE"),
                "GSI2PK", AttributeValue.fromS("RESPONSES#2026-11-23"), "GSI2SK", AttributeValue.fromS("2026-11-23T10:00:00Z#" + id),
                "channel", AttributeValue.fromS("web"), "touchpoint", AttributeValue.fromS("store-kadikoy"),
                "answers", AttributeValue.fromS("[{\"questionId\":\"nps\",\"type\":\"nps\",\"value\":9},"
                        + "{\"questionId\":\"comment\",\"type\":\"text\",\"value\":\"Hızlı teslimat, teşekkürler\"}]"),
                "profileId", AttributeValue.fromS("0f8fad5b-d9cb-469f-a165-70867728950e"),
                "answeredAt", AttributeValue.fromS("2026-11-23T10:00:00Z"));
    }
}
