package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1SK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PROFILE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.conversation.Delivery;
import dev.touchpoint.domain.conversation.MediaItem;
import dev.touchpoint.domain.conversation.MessageKind;
import dev.touchpoint.domain.conversation.ThreadEntry;
import dev.touchpoint.domain.conversation.ThreadRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Thread entries keyed by their own id (a provider message id), so a redelivered message is stored
 * once; each joins its profile's timeline (GSI1, prefix {@code THREAD#}) in time order across channels.
 */
public final class DynamoDbThreadRepository implements ThreadRepository {

    private static final String THREAD = "THREAD#";
    private static final String SENT = "SENT#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbThreadRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean append(ThreadEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(THREAD + entry.id()));
        item.put(SK, s("THREAD"));
        item.put("entity", s("thread-entry"));
        item.put("entryId", s(entry.id()));
        item.put("profileId", s(entry.profileId()));
        item.put("direction", s(entry.direction().name()));
        item.put("channel", s(entry.channel()));
        item.put("text", s(entry.text()));
        item.put("at", s(entry.at().toString()));
        Attr.putIfPresent(item, "invitationId", entry.invitationId());
        Attr.putIfPresent(item, "provider", entry.provider());
        Attr.putIfPresent(item, "author", entry.author());
        if (entry.kind() != MessageKind.MESSAGE) {
            item.put("kind", s(entry.kind().wireName()));
        }
        if (!entry.media().isEmpty()) {
            item.put("media", AttributeValue.fromL(entry.media().stream().map(DynamoDbThreadRepository::mediaItem).toList()));
        }
        item.putAll(deliveryAttributes(entry.delivery()));
        item.put(GSI1PK, s(PROFILE + entry.profileId()));
        item.put(GSI1SK, s(THREAD + SortableTime.of(entry.at()) + "#" + entry.id()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException storedBefore) {
            return false;
        }
        pointToSent(entry);
        return true;
    }

    /**
     * The delivery attributes are set only while the entry still holds what the caller read ({@code
     * deliveryStatus} and its time, or none): two pieces of news for one message never overwrite each other.
     */
    @Override
    public boolean recordDelivery(ThreadEntry entry, Delivery expected) {
        Map<String, AttributeValue> attributes = deliveryAttributes(entry.delivery());
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder update = new StringBuilder("SET ");
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            update.append(i == 0 ? "" : ", ").append(attribute.getKey()).append(" = :v").append(i);
            values.put(":v" + i++, attribute.getValue());
        }
        String condition = "attribute_exists(PK) AND " + (expected == null ? "attribute_not_exists(deliveryStatus)"
                : "deliveryStatus = :expectedStatus AND deliveryAt = :expectedAt");
        if (expected != null) {
            values.put(":expectedStatus", s(expected.status()));
            values.put(":expectedAt", s(expected.at().toString()));
        }
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Map.of(PK, s(THREAD + entry.id()), SK, s("THREAD")))
                    .updateExpression(update.toString()).conditionExpression(condition).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
        pointToSent(entry);
        return true;
    }

    @Override
    public Optional<ThreadEntry> findSent(String provider, String providerMessageId) {
        Map<String, AttributeValue> pointer = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(SENT + provider + "#" + providerMessageId), SK, s("SENT")))).item();
        if (pointer == null || pointer.isEmpty()) {
            return Optional.empty();
        }
        return find(Attr.string(pointer, "entryId"));
    }

    /** {@code SENT#<provider>#<id>}: the provider's id of one of our messages finds its thread entry. Erased with it. */
    private void pointToSent(ThreadEntry entry) {
        if (entry.delivery() == null || entry.delivery().providerMessageId() == null || entry.provider() == null) {
            return;
        }
        dynamo.putItem(p -> p.tableName(table).item(Map.of(PK, s(SENT + entry.provider() + "#" + entry.delivery().providerMessageId()),
                SK, s("SENT"), "entity", s("sent-message"), "entryId", s(entry.id()), "profileId", s(entry.profileId()))));
    }

    private static Map<String, AttributeValue> deliveryAttributes(Delivery delivery) {
        Map<String, AttributeValue> item = new HashMap<>();
        if (delivery != null) {
            item.put("deliveryStatus", s(delivery.status()));
            item.put("deliveryAt", s(delivery.at().toString()));
            Attr.putIfPresent(item, "providerMessageId", delivery.providerMessageId());
            Attr.putIfPresent(item, "deliveryErrorCode", delivery.errorCode());
            Attr.putIfPresent(item, "deliveryReason", delivery.reason());
        }
        return item;
    }

    @Override
    public void erase(Collection<String> profileIds) {
        forProfiles(profileIds).forEach(entry -> {
            if (entry.delivery() != null && entry.delivery().providerMessageId() != null && entry.provider() != null) {
                dynamo.deleteItem(d -> d.tableName(table).key(Map.of(PK, s(SENT + entry.provider() + "#"
                        + entry.delivery().providerMessageId()), SK, s("SENT"))));
            }
            dynamo.deleteItem(d -> d.tableName(table).key(Map.of(PK, s(THREAD + entry.id()), SK, s("THREAD"))));
        });
    }

    @Override
    public List<ThreadEntry> forProfiles(Collection<String> profileIds) {
        List<ThreadEntry> entries = new ArrayList<>();
        for (String profileId : profileIds) {
            dynamo.queryPaginator(q -> q.tableName(table).indexName(GSI1)
                            .keyConditionExpression("GSI1PK = :profile AND begins_with(GSI1SK, :thread)")
                            .expressionAttributeValues(Map.of(":profile", s(PROFILE + profileId), ":thread", s(THREAD))))
                    .items().forEach(item -> entries.add(toEntry(item)));
        }
        entries.sort(Comparator.comparing(ThreadEntry::at).thenComparing(ThreadEntry::id));
        return entries;
    }

    @Override
    public Optional<ThreadEntry> find(String entryId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of(PK, s(THREAD + entryId), SK, s("THREAD")))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toEntry(item));
    }

    private static ThreadEntry toEntry(Map<String, AttributeValue> item) {
        List<MediaItem> media = item.containsKey("media")
                ? item.get("media").l().stream().map(m -> m.m()).map(m -> new MediaItem(Attr.string(m, "kind"),
                        Attr.string(m, "reference"), Attr.string(m, "mimeType"))).toList()
                : List.of();
        return new ThreadEntry(Attr.string(item, "entryId"), Attr.string(item, "profileId"),
                ThreadEntry.Direction.valueOf(Attr.string(item, "direction")), Attr.string(item, "channel"),
                Attr.string(item, "provider"), Attr.string(item, "text"), Attr.string(item, "invitationId"),
                Instant.parse(Attr.string(item, "at")), Attr.string(item, "author"), MessageKind.fromWire(Attr.string(item, "kind")), media,
                item.containsKey("deliveryStatus") ? new Delivery(Attr.string(item, "deliveryStatus"), Attr.string(item, "providerMessageId"),
                        Attr.string(item, "deliveryErrorCode"), Attr.string(item, "deliveryReason"),
                        Instant.parse(Attr.string(item, "deliveryAt"))) : null);
    }

    private static AttributeValue mediaItem(MediaItem media) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("kind", s(media.kind()));
        Attr.putIfPresent(item, "reference", media.reference());
        Attr.putIfPresent(item, "mimeType", media.mimeType());
        return AttributeValue.fromM(item);
    }
}
