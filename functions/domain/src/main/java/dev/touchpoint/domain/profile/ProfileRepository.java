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

    /** What the store knows of an identity: its verified owner (which may since have been merged) and any pending claim of it. */
    IdentityEntry entryOf(Identity identity);

    /** The profile an identity was last pointed at by a verified event; it may since have been merged into another. */
    default Optional<String> profileIdOf(Identity identity) {
        return entryOf(identity).owner();
    }

    Optional<ProfileRecord> load(String profileId);

    /**
     * {@link #entryOf} for many identities at once. An identity the store could not read this time is left
     * out, so the caller reads it again itself. A store that can batch reads overrides this.
     */
    default Map<Identity, IdentityEntry> entriesOf(Set<Identity> identities) {
        Map<Identity, IdentityEntry> entries = new HashMap<>();
        identities.forEach(identity -> entries.put(identity, entryOf(identity)));
        return entries;
    }

    /** {@link #load} for many profiles at once, on the same terms as {@link #entriesOf}. */
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

    /** Writes a new profile and makes it every identity's verified owner, all or nothing. */
    boolean create(ProfileRecord profile, String learnedFrom);

    /** Makes {@code profile} the verified owner of identities nobody owns, all or nothing, if it is still at its version. */
    boolean attach(ProfileRecord profile, Set<Identity> identities, String learnedFrom);

    /**
     * Folds {@code absorbed} into {@code survivor}, both still at the versions read: the survivor takes
     * its identities and history, the absorbed profile points at the survivor, a merge record is kept.
     */
    boolean merge(ProfileRecord survivor, ProfileRecord absorbed, Instant mergedAt, String reason);

    /**
     * Writes a new claimed profile and points each identity's pending claim at it, all or nothing; each
     * claim only if it is still as read ({@code expectedClaimants}: empty for none, or the confirmed claim
     * it replaces). Never touches an identity's verified owner.
     */
    boolean createClaimed(ProfileRecord claimed, Map<Identity, Optional<String>> expectedClaimants, String claimedVia);

    /** Points more identities' pending claims at a claimed profile still at its version, on the same terms. */
    boolean attachClaims(ProfileRecord claimed, Map<Identity, Optional<String>> expectedClaimants, String claimedVia);

    /**
     * A verified event named an identifier of a pending claim: the claim is confirmed into that customer's
     * profile, which lists it in {@code claimedFrom}. False when it was confirmed already (or either is gone).
     */
    boolean confirmClaim(String claimedProfileId, String verifiedProfileId, Instant at);

    /** The customer asked to hear nothing more on this channel (STOP, unsubscribe). */
    void optOut(String profileId, String channel, Instant at);

    /** The customer asked to hear from us again on this channel (START). */
    void optIn(String profileId, String channel, Instant at);

    /** Messages to this channel bounced or drew a complaint: never send there again. */
    void suppress(String profileId, String channel, String reason, Instant at);

    /** Remembers when the customer was last invited, for the cooldown across channels. */
    void recordInvitation(String profileId, Instant at);

    /** Remembers the language the customer last wrote to us in (an ISO 639-1 code), to answer and invite them in it. */
    void recordWrittenLanguage(String profileId, String language);

    /**
     * Deletes the profile, its merge record and every identity entry it holds (erasure); of a claimed
     * profile, only its pending claims (an identifier it claimed may be somebody else's, verified).
     */
    void erase(ProfileRecord profile);

    /** Remembers the newest name, locale and time zone a customer gave; nulls leave a value alone. */
    void updateDetails(String profileId, String name, String locale, String timeZone);
}
