package dev.touchpoint.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.fakes.InMemoryProfiles;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.identity.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The identity rules with provenance, on an in-memory store: what a claim may and may never do. */
class IdentityResolverTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Identity VICTIM = new Identity(IdentityType.EMAIL, "ayse@example.com");
    private static final Identity ATTACKER_PHONE = new Identity(IdentityType.PHONE, "+905559990011");
    private static final Identity COOKIE = new Identity(IdentityType.ANONYMOUS_ID, "cookie-1");

    private final InMemoryProfiles store = new InMemoryProfiles();
    private final AtomicInteger ids = new AtomicInteger();
    private final IdentityResolver resolver = new IdentityResolver(store, () -> "p" + ids.incrementAndGet());

    private String verified(String name, Identity... identities) {
        return resolver.resolve(new Customer(List.of(identities), name, "tr-TR", null, Provenance.API_KEY), NOW, "test").orElseThrow();
    }

    private String claimed(String name, Identity... identities) {
        return resolver.resolve(new Customer(List.of(identities), name, "en", null, Provenance.WIDGET), NOW, "test").orElseThrow();
    }

    @Test
    void resolve_aClaimOfAKnownEmail_landsOnAProfileOfItsOwn_andChangesNothingOfTheCustomer() {
        String customer = verified("Ayşe", VICTIM);

        String claim = claimed("Hacked", VICTIM, ATTACKER_PHONE);

        assertNotEquals(customer, claim);
        ProfileRecord ayse = store.load(customer).orElseThrow();
        assertEquals(Set.of(VICTIM), ayse.identities(), "no phone joins her");
        assertEquals("Ayşe", ayse.name());
        assertEquals("tr-TR", ayse.locale());
        assertEquals(1, ayse.version(), "not written at all");
        ProfileRecord claimProfile = store.load(claim).orElseThrow();
        assertTrue(claimProfile.claimed());
        assertEquals(Set.of(VICTIM, ATTACKER_PHONE), claimProfile.identities());
        assertEquals(customer, store.entryOf(VICTIM).owner().orElseThrow(), "her email still leads to her");
    }

    @Test
    void resolve_theClaimedPhoneLaterVerified_isAProfileOfItsOwn_neverTheCustomers() {
        String customer = verified("Ayşe", VICTIM);
        String claim = claimed("Hacked", VICTIM, ATTACKER_PHONE);

        String byPhone = resolver.resolve(Customer.verifiedBy("twilio", List.of(ATTACKER_PHONE), null), NOW, "sms").orElseThrow();

        assertNotEquals(customer, byPhone);
        assertEquals(Set.of(VICTIM), store.load(customer).orElseThrow().identities());
        assertEquals(byPhone, store.load(claim).orElseThrow().confirmedInto(), "the phone's own verified owner confirms the claim");
        assertTrue(store.load(customer).orElseThrow().claimedFrom().isEmpty(), "not hers");
    }

    @Test
    void resolve_claimsNamingTheSameIdentifier_joinOneClaim_butNeverMergeTwo() {
        String first = claimed(null, COOKIE);
        String again = claimed(null, COOKIE, ATTACKER_PHONE);
        String other = claimed(null, VICTIM);
        String both = claimed(null, VICTIM, ATTACKER_PHONE);

        assertEquals(first, again, "a returning visitor's cookie");
        assertNotEquals(first, other);
        assertEquals(first, both, "the oldest pending claim; the two claims stay two");
        assertEquals(Set.of(VICTIM), store.load(other).orElseThrow().identities());
    }

    @Test
    void resolve_aVerifiedEvent_confirmsThePendingClaim_withoutTakingItsIdentifiers() {
        String claim = claimed("Deniz", VICTIM, COOKIE);

        String customer = verified("Deniz Y.", VICTIM);

        ProfileRecord profile = store.load(customer).orElseThrow();
        assertEquals(Set.of(VICTIM), profile.identities(), "the cookie stays the claim's");
        assertEquals(Set.of(claim), profile.claimedFrom());
        assertEquals(customer, store.load(claim).orElseThrow().confirmedInto());
        assertEquals("Deniz Y.", profile.name(), "the claim's name is not taken either");
    }

    @Test
    void resolve_aClaimAfterConfirmation_startsANewPendingClaim() {
        String claim = claimed(null, VICTIM);
        String customer = verified(null, VICTIM);

        String next = claimed(null, VICTIM);

        assertNotEquals(claim, next, "a confirmed claim takes no more claims");
        assertTrue(store.load(next).orElseThrow().isPendingClaim());
        assertEquals(Set.of(claim), store.load(customer).orElseThrow().claimedFrom(), "until another verified event confirms it");
        verified(null, VICTIM);
        assertEquals(Set.of(claim, next), store.load(customer).orElseThrow().claimedFrom());
    }

    @Test
    void resolve_aClaimRenamesNobody_andVerifiedEventsStillDo() {
        String customer = verified("Ayşe", VICTIM);
        claimed("Hacked", VICTIM);
        assertEquals("Ayşe", store.load(customer).orElseThrow().name());
        verified("Ayşe Yılmaz", VICTIM);
        assertEquals("Ayşe Yılmaz", store.load(customer).orElseThrow().name());
        assertFalse(store.load(customer).orElseThrow().claimed());
        assertNull(store.load(customer).orElseThrow().confirmedInto());
    }
}
