package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where what an anonymous visitor claims goes: a profile of its own, never a known customer's.
 *
 * <ul>
 *   <li>A claim's identifiers point (as pending claims, beside any verified owner) at a claimed profile.
 *       Claims that name one of its identifiers again join it; nothing else ever does.</li>
 *   <li>A claim never merges profiles, never attaches to a profile that holds a verified identifier, never
 *       changes a name or locale, and is never a destination for a reply or an invitation.</li>
 *   <li>A later verified event that names one of its identifiers confirms it ({@link IdentityResolver}):
 *       the claimed profile is then listed on the customer's profile, its responses shown there marked
 *       claimed, its other identifiers still its own. A confirmed claim takes no more claims: the next
 *       claim of its identifiers starts a new one, pending until a verified event confirms it in turn.</li>
 * </ul>
 */
final class ClaimedProfiles {

    private final ProfileRepository profiles;
    private final Supplier<String> newProfileId;

    ClaimedProfiles(ProfileRepository profiles, Supplier<String> newProfileId) {
        this.profiles = profiles;
        this.newProfileId = newProfileId;
    }

    /** @return the claimed profile this claim lands on */
    String resolve(Customer customer, Instant now) {
        for (int attempt = 0; attempt < IdentityResolver.MAX_ATTEMPTS; attempt++) {
            Optional<String> resolved = tryResolve(customer, now);
            if (resolved.isPresent()) {
                return resolved.get();
            }
        }
        throw new ConcurrentUpdateException("claim resolution lost " + IdentityResolver.MAX_ATTEMPTS + " races in a row");
    }

    private Optional<String> tryResolve(Customer customer, Instant now) {
        Map<Identity, Optional<String>> unpointed = new LinkedHashMap<>();
        Map<String, ProfileRecord> pending = new LinkedHashMap<>();
        for (Identity identity : customer.identities()) {
            Optional<String> claimant = profiles.entryOf(identity).claimant();
            Optional<ProfileRecord> live = claimant.flatMap(profiles::load).filter(ProfileRecord::isPendingClaim);
            live.ifPresentOrElse(profile -> pending.putIfAbsent(profile.id(), profile),
                    () -> unpointed.put(identity, claimant)); // none, or a confirmed claim it replaces
        }
        String via = customer.provenance().source();
        if (pending.isEmpty()) {
            ProfileRecord fresh = ProfileRecord.claimedBy(newProfileId.get(), unpointed.keySet(), now, customer.name(),
                    customer.locale(), customer.timeZone());
            return profiles.createClaimed(fresh, unpointed, via) ? Optional.of(fresh.id()) : Optional.empty();
        }
        ProfileRecord target = pending.values().stream()
                .min(Comparator.comparing(ProfileRecord::createdAt).thenComparing(ProfileRecord::id)).orElseThrow();
        if (unpointed.isEmpty()) {
            return Optional.of(target.id());
        }
        return profiles.attachClaims(target, unpointed, via) ? Optional.of(target.id()) : Optional.empty();
    }
}
