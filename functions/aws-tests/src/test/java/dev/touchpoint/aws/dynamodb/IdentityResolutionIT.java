package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Identity resolution on the real table engine: creating, joining, merging, and refusing to fuse strangers. */
class IdentityResolutionIT {

    private static final Identity EMAIL = new Identity(IdentityType.EMAIL, "ayse@example.com");
    private static final Identity PHONE = new Identity(IdentityType.PHONE, "+905551112233");
    private static final Identity OTHER_EMAIL = new Identity(IdentityType.EMAIL, "mehmet@example.com");
    private static final Identity COOKIE = new Identity(IdentityType.ANONYMOUS_ID, "cookie-9f2");

    private DynamoDbClient dynamo;
    private String table;
    private DynamoDbProfileRepository profiles;
    private IdentityResolver resolver;

    @BeforeEach
    void newTable() throws Exception {
        dynamo = DynamoDbClients.create(EmbeddedEngines.environment());
        table = EmbeddedEngines.newTable(dynamo);
        profiles = new DynamoDbProfileRepository(dynamo, table);
        resolver = new IdentityResolver(profiles, () -> UUID.randomUUID().toString());
    }

    private String resolve(Identity... identities) {
        return resolver.resolve(Customer.verifiedBy("api-key", List.of(identities), null), Instant.now(), "test").orElseThrow();
    }

    private ProfileRecord profile(String id) {
        return profiles.load(id).orElseThrow();
    }

    @Test
    void updateDetails_changesOnlyWhatIsGiven_includingTheReservedWordsNameAndTimeZone() {
        String id = resolve(EMAIL);

        profiles.updateDetails(id, null, null, "Europe/Istanbul");
        assertEquals("Europe/Istanbul", profile(id).timeZone(), "a time zone alone (no name to update) is written");
        profiles.updateDetails(id, "Ayşe", "tr-TR", "Asia/Tokyo");

        assertEquals("Ayşe", profile(id).name());
        assertEquals("tr-TR", profile(id).locale());
        assertEquals("Asia/Tokyo", profile(id).timeZone());
    }

    @Test
    void resolve_emailThenPhoneThenBoth_endsInOneProfileHoldingBoth() {
        String byEmail = resolve(EMAIL);
        String byPhone = resolve(PHONE);
        assertNotEquals(byEmail, byPhone);

        String byBoth = resolve(EMAIL, PHONE);

        assertEquals(byEmail, byBoth, "the older profile survives");
        assertEquals(Set.of(EMAIL, PHONE), profile(byBoth).identities());
        assertEquals(byBoth, profile(byPhone).mergedInto());
        assertEquals(byBoth, profiles.profileIdOf(PHONE).orElseThrow(), "the phone now points at the survivor");
        assertEquals(byBoth, profiles.surviving(byPhone).orElseThrow().id(),
                "an old link to the merged profile leads to the survivor");
        Map<String, AttributeValue> mergeRecord = dynamo.getItem(g -> g.tableName(table).key(Map.of(
                "PK", AttributeValue.fromS("PROFILE#" + byPhone), "SK", AttributeValue.fromS("MERGE")))).item();
        assertEquals(byBoth, mergeRecord.get("survivor").s());
    }

    @Test
    void resolve_newIdentifierWithKnownOne_joinsThatProfile() {
        String id = resolve(EMAIL);
        assertEquals(id, resolve(EMAIL, PHONE));
        assertEquals(Set.of(EMAIL, PHONE), profile(id).identities());
        assertEquals(2, profile(id).version());
    }

    @Test
    void resolve_sharedCookieOfAnotherKnownPerson_neverFusesThem() {
        // GIVEN Ayşe answered on a shared tablet with her email and its cookie
        String ayse = resolve(EMAIL, COOKIE);
        // WHEN Mehmet answers on the same tablet with his own email
        String mehmet = resolve(OTHER_EMAIL, COOKIE);
        // THEN they stay two people
        assertNotEquals(ayse, mehmet);
        assertNull(profile(ayse).mergedInto());
        assertNull(profile(mehmet).mergedInto());
        assertEquals(Set.of(OTHER_EMAIL), profile(mehmet).identities());
        assertEquals(ayse, profiles.profileIdOf(COOKIE).orElseThrow());
    }

    @Test
    void resolve_anonymousHistoryThenIdentified_mergesTheAnonymousProfileIn() {
        String known = resolve(EMAIL);
        String anonymous = resolve(COOKIE);
        assertNotEquals(known, anonymous);

        assertEquals(known, resolve(EMAIL, COOKIE));

        assertEquals(known, profile(anonymous).mergedInto());
        assertTrue(profile(known).mergedFrom().contains(anonymous));
    }

    @RepeatedTest(3)
    void resolve_twoProcessorsMergingTheSameProfilesAtOnce_agreeOnOneSurvivor() throws Exception {
        String byEmail = resolve(EMAIL);
        String byPhone = resolve(PHONE);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<String> merge = () -> {
            start.await();
            return resolve(EMAIL, PHONE);
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<String> first = pool.submit(merge);
            Future<String> second = pool.submit(merge);
            assertEquals(first.get(), second.get());
            assertEquals(byEmail, first.get());
        }
        ProfileRecord survivor = profile(byEmail);
        assertEquals(Set.of(EMAIL, PHONE), survivor.identities());
        assertEquals(Set.of(byPhone), survivor.mergedFrom());
        assertEquals(byEmail, profile(byPhone).mergedInto());
    }
}
