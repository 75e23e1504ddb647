package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.DUE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI2;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI2PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI2SK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.INVITATION;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.aws.AtOnce;
import dev.touchpoint.domain.invitation.DispatchReason;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.invitation.InvitationStatus;
import dev.touchpoint.domain.invitation.InvitationTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Invitations, and the due queue as a sparse index: a pending invitation carries
 * {@code GSI2PK = DUE#<shard>, GSI2SK = <dueAt>#<id>} ({@link ShardedKeys}); every other state removes
 * them. The dispatcher's read is one Query per key of what is due, made at once, never a scan. Each change is conditional on the status (and due time) read.
 * Every invitation is on its profile's timeline (GSI1) from the start, under the time it was scheduled,
 * so support sees what became of it: sent, waiting and why, or dropped and why.
 */
public final class DynamoDbInvitationRepository implements InvitationRepository {

    static final String INVITATION_SK = "INVITATION";
    static final String MESSAGE = "MESSAGE#";
    /** Sent invitations join their profile's timeline (GSI1) under this prefix. */
    static final String TIMELINE_PREFIX = "INVITATION#";
    /** Providers report within days; a month is plenty, then TTL removes the mapping. */
    static final long MESSAGE_RETENTION_SECONDS = 31L * 24 * 3600;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbInvitationRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean schedule(Invitation invitation) {
        try {
            dynamo.putItem(p -> p.tableName(table).item(toItem(invitation)).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyScheduled) {
            return false;
        }
    }

    /** The earliest due of every key of the queue, read at once, merged: the first {@code limit} of them all. */
    @Override
    public List<Invitation> due(Instant now, int limit) {
        List<String> keys = ShardedKeys.keysOf(DUE);
        return AtOnce.map(keys, keys.size(), key -> dynamo.query(q -> q.tableName(table).indexName(GSI2)
                        .keyConditionExpression("GSI2PK = :due AND GSI2SK <= :now")
                        .expressionAttributeValues(Map.of(":due", s(key), ":now", s(SortableTime.of(now) + "#~")))
                        .limit(limit)).items())
                .stream().flatMap(List::stream)
                .sorted(Comparator.comparing(item -> Attr.string(item, GSI2SK)))
                .limit(limit)
                .map(DynamoDbInvitationRepository::toInvitation).toList();
    }

    @Override
    public List<Invitation> ofProfiles(Collection<String> profileIds) {
        return profileIds.stream()
                .flatMap(profileId -> dynamo.queryPaginator(q -> q.tableName(table).indexName(TouchpointTable.GSI1)
                        .keyConditionExpression("GSI1PK = :profile AND begins_with(GSI1SK, :prefix)")
                        .expressionAttributeValues(Map.of(":profile", s(TouchpointTable.PROFILE + profileId),
                                ":prefix", s(TIMELINE_PREFIX)))).items().stream())
                .map(DynamoDbInvitationRepository::toInvitation)
                .sorted(Comparator.comparing(Invitation::timelineAt))
                .toList();
    }

    /** The newest sent (or answered) invitations of each profile, read newest first past those never sent. */
    @Override
    public Optional<Invitation> latestOpen(Collection<String> profileIds, Instant now) {
        return profileIds.stream()
                .flatMap(profileId -> dynamo.queryPaginator(q -> q.tableName(table).indexName(TouchpointTable.GSI1)
                        .keyConditionExpression("GSI1PK = :profile AND begins_with(GSI1SK, :prefix)")
                        .filterExpression("#status IN (:sent, :answered)")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":profile", s(TouchpointTable.PROFILE + profileId),
                                ":prefix", s(TIMELINE_PREFIX), ":sent", s(InvitationStatus.SENT.name()),
                                ":answered", s(InvitationStatus.ANSWERED.name())))
                        .scanIndexForward(false).limit(5)).items().stream().limit(5))
                .map(DynamoDbInvitationRepository::toInvitation)
                .filter(i -> i.sentAt() != null && now.isBefore(i.expiresAt()))
                .max(Comparator.comparing(Invitation::sentAt));
    }

    @Override
    public Optional<Invitation> load(String invitationId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key(invitationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toInvitation(item));
    }

    @Override
    public boolean claim(Invitation invitation, Instant now) {
        return conditionally(invitation.id(), InvitationTransition.CLAIM, "SET #status = :to, claimedAt = :now REMOVE GSI2PK, GSI2SK",
                " AND dueAt = :dueAt", Map.of(":now", s(now.toString()), ":dueAt", s(invitation.dueAt().toString())));
    }

    /** The invitation and a {@code MESSAGE#<provider id>} item that leads delivery reports back to it. */
    @Override
    public void markSent(Invitation invitation, String channel, String providerMessageId, Instant at, Instant answerableUntil) {
        String invitationId = invitation.id();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":channel", s(channel),
                ":at", s(at.toString()), ":message", s(providerMessageId),
                ":profile", s(TouchpointTable.PROFILE + invitation.profileId()),
                ":timeline", s(TIMELINE_PREFIX + SortableTime.of(at) + "#" + invitationId), ":until", s(answerableUntil.toString())));
        // The timeline entry made when it was scheduled stays where it is: moving it would cost the index a delete and a
        // put. Only an invitation scheduled before 2026-12-07, which had none, gets its entry now.
        conditionally(invitationId, InvitationTransition.MARK_SENT, "SET #status = :to, sentChannel = :channel, sentAt = :at, "
                        + "providerMessageId = :message, GSI1PK = if_not_exists(GSI1PK, :profile), "
                        + "GSI1SK = if_not_exists(GSI1SK, :timeline), expiresAt = :until REMOVE reason", "", values);
        dynamo.putItem(p -> p.tableName(table).item(Map.of(PK, s(MESSAGE + providerMessageId), SK, s("MESSAGE"),
                "entity", s("message"), "invitationId", s(invitationId), "channel", s(channel),
                TouchpointTable.TTL_ATTRIBUTE, n(at.plusSeconds(MESSAGE_RETENTION_SECONDS).getEpochSecond()))));
    }

    @Override
    public void drop(Invitation invitation, String reason, Instant at) {
        conditionally(invitation.id(), InvitationTransition.DROP, "SET #status = :to, reason = :reason, droppedAt = :at REMOVE GSI2PK, GSI2SK",
                "", Map.of(":reason", s(reason), ":at", s(at.toString())));
    }

    @Override
    public boolean defer(Invitation invitation, Instant until, String reason) {
        return conditionally(invitation.id(), InvitationTransition.DEFER, "SET #status = :to, dueAt = :until, reason = :reason, GSI2SK = :dueKey",
                " AND dueAt = :dueAt", Map.of(":until", s(until.toString()), ":reason", s(reason),
                        ":dueKey", s(SortableTime.of(until) + "#" + invitation.id()), ":dueAt", s(invitation.dueAt().toString())));
    }

    @Override
    public void scrub(Invitation invitation, Set<String> recipientKeys, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":at", s(at.toString()), ":true", AttributeValue.fromBool(true)));
        String keep = recipientKeys.isEmpty() ? "" : ", recipientKeys = :keys";
        if (!recipientKeys.isEmpty()) {
            values.put(":keys", Attr.ss(recipientKeys));
        }
        // Off the timeline and out of the due queue; a pending one is then dropped, any other keeps its status for the counts.
        dynamo.updateItem(u -> u.tableName(table).key(key(invitation.id()))
                .updateExpression("SET erased = :true, erasedAt = :at" + keep + " REMOVE profileId, GSI1PK, GSI1SK, GSI2PK, GSI2SK")
                .expressionAttributeValues(values));
        if (invitation.status() == InvitationStatus.PENDING) {
            conditionally(invitation.id(), InvitationTransition.DROP, "SET #status = :to, reason = :gone", "",
                    Map.of(":gone", s(DispatchReason.GONE.describe("the person was erased"))));
        }
    }

    @Override
    public Set<String> recipientKeys(String invitationId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key(invitationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Set.of() : Attr.stringSet(item, "recipientKeys");
    }

    /**
     * Applies a status change as the domain defines it: the write holds only while the invitation is in one
     * of the transition's {@code from} states (and {@code moreCondition}, e.g. {@code " AND dueAt = :dueAt"});
     * {@code :to} in {@code update} is its new status.
     */
    private boolean conditionally(String invitationId, InvitationTransition transition, String update, String moreCondition,
                                  Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":to", s(transition.to().name()));
        List<String> from = new ArrayList<>();
        for (InvitationStatus status : transition.from()) {
            all.put(":from" + from.size(), s(status.name()));
            from.add(":from" + from.size());
        }
        String condition = "#status IN (" + String.join(", ", from) + ")" + moreCondition;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key(invitationId)).updateExpression(update)
                    .conditionExpression(condition).expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(all));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    static Map<String, AttributeValue> key(String invitationId) {
        return Map.of(PK, s(INVITATION + invitationId), SK, s(INVITATION_SK));
    }

    private static Map<String, AttributeValue> toItem(Invitation invitation) {
        Map<String, AttributeValue> item = new HashMap<>(key(invitation.id()));
        item.put("entity", s("invitation"));
        item.put("invitationId", s(invitation.id()));
        item.put("surveyId", s(invitation.surveyId()));
        item.put("surveyVersion", n(invitation.surveyVersion()));
        item.put("profileId", s(invitation.profileId()));
        Attr.putIfPresent(item, "touchpoint", invitation.touchpoint());
        Attr.putIfPresent(item, "interactionType", invitation.interactionType());
        item.put("channels", AttributeValue.fromL(invitation.channels().stream().map(Attr::s).toList()));
        item.put("dueAt", s(invitation.dueAt().toString()));
        item.put("expiresAt", s(invitation.expiresAt().toString()));
        item.put("status", s(invitation.status().name()));
        item.put("createdAt", s(invitation.createdAt().toString()));
        Attr.putIfPresent(item, "reason", invitation.reason());
        item.put(TouchpointTable.GSI1PK, s(TouchpointTable.PROFILE + invitation.profileId()));
        item.put(TouchpointTable.GSI1SK, s(TIMELINE_PREFIX + SortableTime.of(invitation.createdAt()) + "#" + invitation.id()));
        if (invitation.status() == InvitationStatus.PENDING) {
            item.put(GSI2PK, s(ShardedKeys.keyOf(DUE, invitation.id())));
            item.put(GSI2SK, s(SortableTime.of(invitation.dueAt()) + "#" + invitation.id()));
        }
        return item;
    }

    private static Invitation toInvitation(Map<String, AttributeValue> item) {
        String sentAt = Attr.string(item, "sentAt");
        return new Invitation(Attr.string(item, "invitationId"), Attr.string(item, "surveyId"),
                (int) Attr.number(item, "surveyVersion"), Attr.string(item, "profileId"), Attr.string(item, "touchpoint"),
                Attr.string(item, "interactionType"), item.get("channels").l().stream().map(AttributeValue::s).toList(),
                Instant.parse(Attr.string(item, "dueAt")), Instant.parse(Attr.string(item, "expiresAt")),
                InvitationStatus.valueOf(Attr.string(item, "status")), Instant.parse(Attr.string(item, "createdAt")),
                Attr.string(item, "sentChannel"), sentAt == null ? null : Instant.parse(sentAt), Attr.string(item, "reason"));
    }
}
