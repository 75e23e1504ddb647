package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.Attr.ss;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.IDENTITY;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PROFILE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.profile.IdentityEntry;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Profiles and identity items in the one table. An identity item holds the identity's verified owner
 * ({@code profileId}, {@code learnedFrom}) and its pending claim ({@code claimant}, {@code claimedVia});
 * each is set only where absent (or as read), so neither ever overwrites the other. Profile changes are
 * guarded by the profile's {@code version}, and every multi-item change is one transaction: a lost race
 * writes nothing and answers false.
 */
public final class DynamoDbProfileRepository implements ProfileRepository {

    private static final String PROFILE_SK = "PROFILE";
    private static final String IDENTITY_SK = "IDENTITY";
    private static final String MERGE_SK = "MERGE";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbProfileRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public IdentityEntry entryOf(Identity identity) {
        return get(identityKey(identity)).map(DynamoDbProfileRepository::toEntry).orElse(IdentityEntry.NONE);
    }

    @Override
    public Optional<ProfileRecord> load(String profileId) {
        return get(profileKey(profileId)).map(DynamoDbProfileRepository::toProfile);
    }

    /** One {@code BatchGetItem} per 100 identities, consistent like {@link #entryOf}. */
    @Override
    public Map<Identity, IdentityEntry> entriesOf(Set<Identity> identities) {
        Map<String, Identity> byPk = new HashMap<>();
        identities.forEach(identity -> byPk.put(IDENTITY + identity.key(), identity));
        Map<Identity, IdentityEntry> entries = new HashMap<>();
        batchGet(identities.stream().map(DynamoDbProfileRepository::identityKey).toList(),
                (pk, item) -> entries.put(byPk.get(pk), item.map(DynamoDbProfileRepository::toEntry).orElse(IdentityEntry.NONE)));
        return entries;
    }

    private static IdentityEntry toEntry(Map<String, AttributeValue> item) {
        return new IdentityEntry(Optional.ofNullable(Attr.string(item, "profileId")), Attr.string(item, "learnedFrom"),
                Optional.ofNullable(Attr.string(item, "claimant")), Attr.string(item, "claimedVia"));
    }

    /** One {@code BatchGetItem} per 100 profiles, consistent like {@link #load}. */
    @Override
    public Map<String, Optional<ProfileRecord>> loadAll(Set<String> profileIds) {
        Map<String, String> byPk = new HashMap<>();
        profileIds.forEach(id -> byPk.put(PROFILE + id, id));
        Map<String, Optional<ProfileRecord>> loaded = new HashMap<>();
        batchGet(profileIds.stream().map(DynamoDbProfileRepository::profileKey).toList(),
                (pk, item) -> loaded.put(byPk.get(pk), item.map(DynamoDbProfileRepository::toProfile)));
        return loaded;
    }

    private void batchGet(List<Map<String, AttributeValue>> keys,
                          BiConsumer<String, Optional<Map<String, AttributeValue>>> answer) {
        BatchReads.consistent(dynamo, table, keys, answer);
    }

    @Override
    public boolean create(ProfileRecord profile, String learnedFrom) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(profile))
                .conditionExpression("attribute_not_exists(PK)")).build());
        profile.identities().forEach(identity -> items.add(own(identity, profile.id(), profile.createdAt(), learnedFrom)));
        return Transactions.write(dynamo, items);
    }

    @Override
    public boolean attach(ProfileRecord profile, Set<Identity> identities, String learnedFrom) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(profileKey(profile.id()))
                .updateExpression("ADD ids :ids SET version = version + :one")
                .conditionExpression("version = :read AND attribute_not_exists(mergedInto)")
                .expressionAttributeValues(Map.of(":ids", ss(keys(identities)), ":one", n(1), ":read", n(profile.version()))))
                .build());
        Instant now = Instant.now();
        identities.forEach(identity -> items.add(own(identity, profile.id(), now, learnedFrom)));
        return Transactions.write(dynamo, items);
    }

    @Override
    public boolean createClaimed(ProfileRecord claimed, Map<Identity, Optional<String>> expectedClaimants, String claimedVia) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(claimed))
                .conditionExpression("attribute_not_exists(PK)")).build());
        expectedClaimants.forEach((identity, expected) -> items.add(pointClaim(identity, claimed.id(), expected, claimed.createdAt(), claimedVia)));
        return Transactions.write(dynamo, items);
    }

    @Override
    public boolean attachClaims(ProfileRecord claimed, Map<Identity, Optional<String>> expectedClaimants, String claimedVia) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(profileKey(claimed.id()))
                .updateExpression("ADD ids :ids SET version = version + :one")
                .conditionExpression("version = :read AND attribute_not_exists(confirmedInto) AND attribute_not_exists(mergedInto)")
                .expressionAttributeValues(Map.of(":ids", ss(keys(expectedClaimants.keySet())), ":one", n(1), ":read", n(claimed.version()))))
                .build());
        Instant now = Instant.now();
        expectedClaimants.forEach((identity, expected) -> items.add(pointClaim(identity, claimed.id(), expected, now, claimedVia)));
        return Transactions.write(dynamo, items);
    }

    @Override
    public boolean confirmClaim(String claimedProfileId, String verifiedProfileId, Instant at) {
        return Transactions.write(dynamo, List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table).key(profileKey(claimedProfileId))
                        .updateExpression("SET confirmedInto = :verified, confirmedAt = :at")
                        .conditionExpression("attribute_exists(PK) AND claimed = :yes AND attribute_not_exists(confirmedInto)")
                        .expressionAttributeValues(Map.of(":verified", s(verifiedProfileId), ":at", s(at.toString()),
                                ":yes", AttributeValue.fromBool(true)))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table).key(profileKey(verifiedProfileId))
                        .updateExpression("ADD claimedFrom :claim")
                        .conditionExpression("attribute_exists(PK) AND attribute_not_exists(mergedInto)")
                        .expressionAttributeValues(Map.of(":claim", ss(Set.of(claimedProfileId))))).build()));
    }

    @Override
    public boolean merge(ProfileRecord survivor, ProfileRecord absorbed, Instant mergedAt, String reason) {
        Set<String> history = new HashSet<>(absorbed.mergedFrom());
        history.add(absorbed.id());
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":history", ss(history), ":one", n(1), ":read", n(survivor.version())));
        List<String> adds = new ArrayList<>(List.of("mergedFrom :history"));
        if (!absorbed.identities().isEmpty()) {
            adds.add("ids :ids");
            values.put(":ids", ss(keys(absorbed.identities())));
        }
        if (!absorbed.claimedFrom().isEmpty()) {
            // the claims confirmed into the absorbed profile now show on the survivor
            adds.add("claimedFrom :claims");
            values.put(":claims", ss(absorbed.claimedFrom()));
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(profileKey(survivor.id()))
                .updateExpression("ADD " + String.join(", ", adds) + " SET version = version + :one")
                .conditionExpression("version = :read AND attribute_not_exists(mergedInto)")
                .expressionAttributeValues(values))
                .build());
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(profileKey(absorbed.id()))
                .updateExpression("SET mergedInto = :survivor, version = version + :one")
                .conditionExpression("version = :read AND attribute_not_exists(mergedInto)")
                .expressionAttributeValues(Map.of(":survivor", s(survivor.id()), ":one", n(1), ":read", n(absorbed.version()))))
                .build());
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of(
                PK, s(PROFILE + absorbed.id()), SK, s(MERGE_SK), "entity", s("merge"),
                "survivor", s(survivor.id()), "absorbed", s(absorbed.id()),
                "mergedAt", s(mergedAt.toString()), "reason", s(reason)))).build());
        if (!Transactions.write(dynamo, items)) {
            return false;
        }
        absorbed.identities().forEach(identity -> repoint(identity, absorbed.id(), survivor.id()));
        return true;
    }

    /**
     * After a merge, points an identity of the absorbed profile straight at the survivor, so later
     * look-ups take one read. Best effort: the merge pointer keeps an identity this misses correct.
     */
    private void repoint(Identity identity, String absorbedId, String survivorId) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(identityKey(identity))
                    .updateExpression("SET profileId = :survivor")
                    .conditionExpression("profileId = :absorbed")
                    .expressionAttributeValues(Map.of(":survivor", s(survivorId), ":absorbed", s(absorbedId))));
        } catch (ConditionalCheckFailedException e) {
            // Already re-pointed by a concurrent merge: nothing to do.
        }
    }

    @Override
    public void optOut(String profileId, String channel, Instant at) {
        update(profileId, "ADD optedOut :channel SET optedOutAt = :at", Map.of(":channel", ss(Set.of(channel)), ":at", s(at.toString())));
    }

    @Override
    public void optIn(String profileId, String channel, Instant at) {
        update(profileId, "DELETE optedOut :channel SET optedInAt = :at", Map.of(":channel", ss(Set.of(channel)), ":at", s(at.toString())));
    }

    @Override
    public void suppress(String profileId, String channel, String reason, Instant at) {
        update(profileId, "ADD suppressed :channel SET suppressedReason = :reason, suppressedAt = :at",
                Map.of(":channel", ss(Set.of(channel)), ":reason", s(reason), ":at", s(at.toString())));
    }

    @Override
    public void recordWrittenLanguage(String profileId, String language) {
        update(profileId, "SET writtenLanguage = :language", Map.of(":language", s(language)));
    }

    @Override
    public void recordInvitation(String profileId, Instant at) {
        update(profileId, "SET lastInvitedAt = :at", Map.of(":at", s(at.toString())));
    }

    private void update(String profileId, String expression, Map<String, AttributeValue> values) {
        dynamo.updateItem(u -> u.tableName(table).key(profileKey(profileId)).updateExpression(expression)
                .conditionExpression("attribute_exists(PK)").expressionAttributeValues(values));
    }

    @Override
    public void erase(ProfileRecord profile) {
        if (profile.claimed()) {
            profile.identities().forEach(identity -> releaseClaim(identity, profile.id()));
        } else {
            profile.identities().forEach(identity -> dynamo.deleteItem(d -> d.tableName(table).key(identityKey(identity))));
        }
        dynamo.deleteItem(d -> d.tableName(table).key(Map.of(PK, s(PROFILE + profile.id()), SK, s(MERGE_SK))));
        dynamo.deleteItem(d -> d.tableName(table).key(profileKey(profile.id())));
    }

    @Override
    public void updateDetails(String profileId, String name, String locale, String timeZone) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> sets = new ArrayList<>();
        addSet("name", name, sets, names, values);
        addSet("locale", locale, sets, names, values);
        addSet("timeZone", timeZone, sets, names, values);
        if (sets.isEmpty()) {
            return;
        }
        dynamo.updateItem(u -> u.tableName(table).key(profileKey(profileId))
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }

    /** Every name through a placeholder: {@code name} and {@code timeZone} are DynamoDB reserved words. */
    private static void addSet(String attribute, String value, List<String> sets, Map<String, String> names,
                               Map<String, AttributeValue> values) {
        if (value != null) {
            sets.add("#" + attribute + " = :" + attribute);
            names.put("#" + attribute, attribute);
            values.put(":" + attribute, s(value));
        }
    }

    /** Makes a profile the identity's verified owner, if it has none; a pending claim on the item stays. */
    private TransactWriteItem own(Identity identity, String profileId, Instant at, String learnedFrom) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(identityKey(identity))
                .updateExpression("SET entity = :entity, identityType = :type, profileId = :profile, claimedAt = :at, learnedFrom = :from")
                .conditionExpression("attribute_not_exists(profileId)")
                .expressionAttributeValues(Map.of(":entity", s("identity"), ":type", s(identity.type().wireName()),
                        ":profile", s(profileId), ":at", s(at.toString()), ":from", s(learnedFrom)))).build();
    }

    /** Points the identity's pending claim at a claimed profile, if it is still as read; a verified owner on the item stays. */
    private TransactWriteItem pointClaim(Identity identity, String claimedId, Optional<String> expected, Instant at, String claimedVia) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":entity", s("identity"), ":type", s(identity.type().wireName()),
                ":claimant", s(claimedId), ":at", s(at.toString()), ":via", s(claimedVia)));
        expected.ifPresent(old -> values.put(":expected", s(old)));
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(identityKey(identity))
                .updateExpression("SET entity = :entity, identityType = :type, claimant = :claimant, claimantAt = :at, claimedVia = :via")
                .conditionExpression(expected.isPresent() ? "claimant = :expected" : "attribute_not_exists(claimant)")
                .expressionAttributeValues(values)).build();
    }

    /** Erasure of a claim: its pointer goes, and the item with it when no verified owner holds it. */
    private void releaseClaim(Identity identity, String claimedId) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(identityKey(identity))
                    .updateExpression("REMOVE claimant, claimantAt, claimedVia")
                    .conditionExpression("claimant = :claimed")
                    .expressionAttributeValues(Map.of(":claimed", s(claimedId))));
            dynamo.deleteItem(d -> d.tableName(table).key(identityKey(identity)).conditionExpression("attribute_not_exists(profileId) "
                    + "AND attribute_not_exists(claimant)"));
        } catch (ConditionalCheckFailedException e) {
            // Another claim or a verified owner holds the item: it stays.
        }
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Map<String, AttributeValue> toItem(ProfileRecord profile) {
        Map<String, AttributeValue> item = new HashMap<>(profileKey(profile.id()));
        item.put("entity", s("profile"));
        item.put("profileId", s(profile.id()));
        if (!profile.identities().isEmpty()) {
            item.put("ids", ss(keys(profile.identities())));
        }
        item.put("version", n(profile.version()));
        item.put("createdAt", s(profile.createdAt().toString()));
        if (profile.claimed()) {
            item.put("claimed", AttributeValue.fromBool(true));
        }
        Attr.putIfPresent(item, "name", profile.name());
        Attr.putIfPresent(item, "locale", profile.locale());
        Attr.putIfPresent(item, "writtenLanguage", profile.writtenLanguage());
        Attr.putIfPresent(item, "timeZone", profile.timeZone());
        return item;
    }

    private static ProfileRecord toProfile(Map<String, AttributeValue> item) {
        Set<Identity> identities = Attr.stringSet(item, "ids").stream().map(Identity::fromKey).collect(Collectors.toSet());
        String lastInvitedAt = Attr.string(item, "lastInvitedAt");
        return new ProfileRecord(Attr.string(item, "profileId"), identities, Attr.string(item, "mergedInto"),
                Attr.stringSet(item, "mergedFrom"), Attr.number(item, "version"),
                Instant.parse(Attr.string(item, "createdAt")), Attr.string(item, "name"),
                Attr.string(item, "locale"), Attr.string(item, "writtenLanguage"), Attr.string(item, "timeZone"),
                Attr.stringSet(item, "optedOut"), Attr.stringSet(item, "suppressed"),
                lastInvitedAt == null ? null : Instant.parse(lastInvitedAt),
                item.containsKey("claimed") && Boolean.TRUE.equals(item.get("claimed").bool()),
                Attr.string(item, "confirmedInto"), Attr.stringSet(item, "claimedFrom"));
    }

    private static Set<String> keys(Set<Identity> identities) {
        return identities.stream().map(Identity::key).collect(Collectors.toSet());
    }

    static Map<String, AttributeValue> profileKey(String profileId) {
        return Map.of(PK, s(PROFILE + profileId), SK, s(PROFILE_SK));
    }

    static Map<String, AttributeValue> identityKey(Identity identity) {
        return Map.of(PK, s(IDENTITY + identity.key()), SK, s(IDENTITY_SK));
    }
}
