package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Identity;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: profiles and the identities that point at them. Every write is conditional and answers
 * {@code false} when another writer got there first; the caller re-reads and decides again.
 */
public interface ProfileRepository {

    /** The profile an identity was last pointed at; it may since have been merged into another. */
    Optional<String> profileIdOf(Identity identity);

    Optional<ProfileRecord> load(String profileId);

    /**
     * {@link #profileIdOf} for many identities at once: each identity read maps to its profile id, or to
     * empty when no profile claims it. An identity the store could not read this time is left out, so
     * the caller reads it again itself. A store that can batch reads overrides this.
     */
    default Map<Identity, Optional<String>> profileIdsOf(Set<Identity> identities) {
        Map<Identity, Optional<String>> owners = new HashMap<>();
        identities.forEach(identity -> owners.put(identity, profileIdOf(identity)));
        return owners;
    }

    /** {@link #load} for many profiles at once, on the same terms as {@link #profileIdsOf}. */
    default Map<String, Optional<ProfileRecord>> loadAll(Set<String> profileIds) {
        Map<String, Optional<ProfileRecord>> loaded = new HashMap<>();
        profileIds.forEach(id -> loaded.put(id, load(id)));
        return loaded;
    }

    /** The profile this id names today: itself, or the profile it was merged into (following the chain). */
    default Optional<ProfileRecord> surviving(String profileId) {
        Optional<ProfileRecord> profile = load(profileId);
        for (int hop = 0; profile.isPresent() && profile.get().isMerged(); hop++) {
            if (hop == 32) {
                throw new IllegalStateException("merge chain longer than 32");
            }
            profile = load(profile.get().mergedInto());
        }
        return profile;
    }

    /** Writes a new profile and claims all its identities, all or nothing. */
    boolean create(ProfileRecord profile);

    /** Claims unowned identities for {@code profile}, all or nothing, if it is still at its version. */
    boolean attach(ProfileRecord profile, Set<Identity> identities);

    /**
     * Folds {@code absorbed} into {@code survivor}, both still at the versions read: the survivor takes
     * its identities and history, the absorbed profile points at the survivor, a merge record is kept.
     */
    boolean merge(ProfileRecord survivor, ProfileRecord absorbed, Instant mergedAt, String reason);

    /** The customer asked to hear nothing more on this channel (STOP, unsubscribe). */
    void optOut(String profileId, String channel, Instant at);

    /** The customer asked to hear from us again on this channel (START). */
    void optIn(String profileId, String channel, Instant at);

    /** Messages to this channel bounced or drew a complaint: never send there again. */
    void suppress(String profileId, String channel, String reason, Instant at);

    /** Remembers when the customer was last invited, for the cooldown across channels. */
    void recordInvitation(String profileId, Instant at);

    /** Deletes the profile, its merge record and every identity entry it holds (erasure). */
    void erase(ProfileRecord profile);

    /** Remembers the newest name, locale and time zone a customer gave; nulls leave a value alone. */
    void updateDetails(String profileId, String name, String locale, String timeZone);
}
