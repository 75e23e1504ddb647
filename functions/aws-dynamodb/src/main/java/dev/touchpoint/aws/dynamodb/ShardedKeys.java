package dev.touchpoint.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;

/**
 * Index keys that every item of a kind would otherwise share, spread over {@value #SHARDS} keys
 * {@code <base>#<shard>}, the shard taken from the item's id: the day index of responses
 * ({@code RESPONSES#<day>}) and the due queue of invitations ({@code DUE}). DynamoDB serves about
 * 1 000 write units a second per partition of an index, and an index write it throttles throttles the
 * item's own write, so one key would cap the whole platform near 1 000 such writes a second; and since
 * these keys' sort keys grow with time, DynamoDB's own splitting of hot partitions would not spread
 * the newest writes. Readers query every key at once and merge; they also read the unsharded
 * {@code <base>} that items written before the shards carry.
 */
final class ShardedKeys {

    static final int SHARDS = 8;

    private ShardedKeys() {
    }

    /** The key an item is listed under: a shard its id always picks the same, so a retry names the same key. */
    static String keyOf(String base, String id) {
        return base + "#" + Math.floorMod(id.hashCode(), SHARDS);
    }

    /** Every key an item of this base can be listed under: the shards, then the unsharded key of older items. */
    static List<String> keysOf(String base) {
        List<String> keys = new ArrayList<>(SHARDS + 1);
        for (int shard = 0; shard < SHARDS; shard++) {
            keys.add(base + "#" + shard);
        }
        keys.add(base);
        return keys;
    }
}
