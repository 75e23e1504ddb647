package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1SK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PROFILE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

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
        item.put(GSI1PK, s(PROFILE + entry.profileId()));
        item.put(GSI1SK, s(THREAD + SortableTime.of(entry.at()) + "#" + entry.id()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException storedBefore) {
            return false;
        }
    }

    @Override
    public void erase(Collection<String> profileIds) {
        forProfiles(profileIds).forEach(entry -> dynamo.deleteItem(d -> d.tableName(table)
                .key(Map.of(PK, s(THREAD + entry.id()), SK, s("THREAD")))));
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
                Instant.parse(Attr.string(item, "at")), Attr.string(item, "author"), MessageKind.fromWire(Attr.string(item, "kind")), media);
    }

    private static AttributeValue mediaItem(MediaItem media) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("kind", s(media.kind()));
        Attr.putIfPresent(item, "reference", media.reference());
        Attr.putIfPresent(item, "mimeType", media.mimeType());
        return AttributeValue.fromM(item);
    }
}
