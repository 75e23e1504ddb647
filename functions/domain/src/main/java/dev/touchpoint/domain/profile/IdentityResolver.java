package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Use case: find the one profile a customer's identifiers belong to, creating, joining or merging
 * profiles as needed.
 *
 * <ul>
 *   <li>No identifier known yet: a new profile claims them all.</li>
 *   <li>Known identifiers of one profile: the unknown ones join it.</li>
 *   <li>Strong identifiers of two profiles in one event: the same person, so the younger profile is
 *       merged into the older one, with a merge record.</li>
 *   <li>A weak identifier (cookie, device) merges only an anonymous profile (one with no strong
 *       identifier) into a known one; it never fuses two profiles that each hold a strong identifier,
 *       because shared devices must not fuse strangers.</li>
 * </ul>
 * Each step is one conditional write; when another writer wins the race, the whole decision is taken
 * again from fresh reads, up to {@value #MAX_ATTEMPTS} times.
 *
 * <p>All of that is for verified identifiers ({@link dev.touchpoint.domain.identity.Provenance}). What an
 * anonymous visitor claims goes to a claimed profile of its own ({@link ClaimedProfiles}); a verified
 * event that names a claimed identifier confirms that claim into the customer's profile.
 */
public final class IdentityResolver {

    static final int MAX_ATTEMPTS = 12;

    private final ProfileRepository profiles;
    private final Supplier<String> newProfileId;
    private final ClaimedProfiles claims;

    public IdentityResolver(ProfileRepository profiles, Supplier<String> newProfileId) {
        this.profiles = profiles;
        this.newProfileId = newProfileId;
        this.claims = new ClaimedProfiles(profiles, newProfileId);
    }

    /**
     * This resolver for one batch of customers: their identities' owners and profiles read ahead in
     * batched reads ({@link ReadAheadProfiles}). A failed read ahead throws; the caller may then go on
     * with this resolver, which reads on demand.
     */
    public IdentityResolver readingAhead(Collection<Customer> customers) {
        List<Identity> all = customers.stream().flatMap(customer -> customer.identities().stream()).toList();
        if (all.isEmpty()) {
            return this;
        }
        return new IdentityResolver(ReadAheadProfiles.of(profiles, all), newProfileId);
    }

    /**
     * @return the surviving profile's id (a claimed profile's, for a claim), or empty for a customer with no
     *         identifier at all
     */
    public Optional<String> resolve(Customer customer, Instant now, String reason) {
        if (customer.isAnonymous()) {
            return Optional.empty();
        }
        if (customer.provenance().isClaimed()) {
            return Optional.of(claims.resolve(customer, now));
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Map<Identity, IdentityEntry> entries = new LinkedHashMap<>();
            Optional<ProfileRecord> resolved = tryResolve(customer, now, reason, entries);
            if (resolved.isPresent()) {
                rememberDetails(resolved.get(), customer);
                confirmClaims(entries, resolved.get().id(), now);
                return Optional.of(resolved.get().id());
            }
        }
        throw new ConcurrentUpdateException("identity resolution lost " + MAX_ATTEMPTS + " races in a row");
    }

    /**
     * One decision from fresh reads, the entries read kept in {@code entries}; empty when a write lost a
     * race (or merged) and must be decided again.
     */
    private Optional<ProfileRecord> tryResolve(Customer customer, Instant now, String reason, Map<Identity, IdentityEntry> entries) {
        Map<Identity, ProfileRecord> owners = new LinkedHashMap<>();
        Set<Identity> unowned = new LinkedHashSet<>();
        String learnedFrom = customer.provenance().source();
        for (Identity identity : customer.identities()) {
            IdentityEntry entry = profiles.entryOf(identity);
            entries.put(identity, entry);
            entry.owner().map(this::surviving)
                    .ifPresentOrElse(owner -> owners.put(identity, owner), () -> unowned.add(identity));
        }
        boolean carriesStrongIdentity = customer.identities().stream().anyMatch(Identity::isStrong);
        List<ProfileRecord> targets = targets(owners, carriesStrongIdentity);
        if (targets.isEmpty()) {
            ProfileRecord fresh = ProfileRecord.created(newProfileId.get(), unowned, now,
                    customer.name(), customer.locale(), customer.timeZone());
            return profiles.create(fresh, learnedFrom) ? Optional.of(fresh) : Optional.empty();
        }
        if (targets.size() > 1) {
            mergeOnePair(targets, now, reason);
            return Optional.empty();
        }
        ProfileRecord target = targets.get(0);
        if (unowned.isEmpty()) {
            return Optional.of(target);
        }
        return profiles.attach(target, unowned, learnedFrom) ? Optional.of(target) : Optional.empty();
    }

    /**
     * The profiles this event says are one person: every owner of a strong identifier, and every
     * anonymous owner of a weak one. When the event carries no strong identifier at all, the known
     * owner of its weak identifier (a returning visitor who gave only a cookie) is the customer; when
     * it does carry one, a weak identifier of somebody else is just a shared device.
     */
    private static List<ProfileRecord> targets(Map<Identity, ProfileRecord> owners, boolean carriesStrongIdentity) {
        Map<String, ProfileRecord> targets = new LinkedHashMap<>();
        List<ProfileRecord> knownWeakOwners = new ArrayList<>();
        owners.forEach((identity, owner) -> {
            if (identity.isStrong() || !owner.hasStrongIdentity()) {
                targets.putIfAbsent(owner.id(), owner);
            } else {
                knownWeakOwners.add(owner);
            }
        });
        if (targets.isEmpty() && !carriesStrongIdentity && !knownWeakOwners.isEmpty()) {
            return List.of(knownWeakOwners.get(0));
        }
        return List.copyOf(targets.values());
    }

    private void mergeOnePair(List<ProfileRecord> targets, Instant now, String reason) {
        List<ProfileRecord> byAge = targets.stream()
                .sorted(Comparator.comparing(ProfileRecord::createdAt).thenComparing(ProfileRecord::id))
                .toList();
        profiles.merge(byAge.get(0), byAge.get(1), now, reason);
    }

    /** Follows merge pointers to the profile that survives today. */
    private ProfileRecord surviving(String profileId) {
        return profiles.surviving(profileId)
                .orElseThrow(() -> new IllegalStateException("identity points at a missing profile"));
    }

    /**
     * A verified event named identifiers that an anonymous visitor had claimed: each pending claim is
     * confirmed into the customer's profile (once; a claim confirmed meanwhile, or by another customer's
     * identifier first, stays where it is).
     */
    private void confirmClaims(Map<Identity, IdentityEntry> entries, String profileId, Instant now) {
        entries.values().stream().flatMap(entry -> entry.claimant().stream()).distinct()
                .filter(claimant -> profiles.load(claimant).map(ProfileRecord::isPendingClaim).orElse(false))
                .forEach(claimant -> profiles.confirmClaim(claimant, profileId, now));
    }

    private void rememberDetails(ProfileRecord profile, Customer customer) {
        boolean changed = differs(customer.name(), profile.name())
                || differs(customer.locale(), profile.locale())
                || differs(customer.timeZone(), profile.timeZone());
        if (changed) {
            profiles.updateDetails(profile.id(), customer.name(), customer.locale(), customer.timeZone());
        }
    }

    private static boolean differs(String given, String stored) {
        return given != null && !given.equals(stored);
    }
}
