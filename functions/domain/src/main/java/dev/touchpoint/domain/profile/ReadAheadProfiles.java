package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Identity;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One batch's view of the profile store: before the batch is handled, the entries of all its
 * identities (their owners and pending claims) and the profiles they name are read in two batched
 * reads instead of one read per identity and profile per message.
 *
 * <p>Why this is as safe as reading on demand: each value read ahead answers at most one look-up, as if
 * that look-up had been made when the batch began; every write the resolver makes is conditional on
 * what it read (an identity not yet claimed, a profile at the version read), so a value another
 * writer has since changed makes that write fail, and the resolver decides again from fresh reads
 * (the value was used up). So a later message of the same customer in the batch reads what the
 * earlier one wrote, and a profile merged meanwhile is followed to its survivor: whoever writes over
 * a value (a claim, an attach, a merge) read it first and so used it up. Writes pass straight through.
 */
public final class ReadAheadProfiles implements ProfileRepository {

    private final ProfileRepository store;
    private final Map<Identity, IdentityEntry> entries;
    private final Map<String, Optional<ProfileRecord>> profiles;

    private ReadAheadProfiles(ProfileRepository store, Map<Identity, IdentityEntry> entries,
                              Map<String, Optional<ProfileRecord>> profiles) {
        this.store = store;
        this.entries = new ConcurrentHashMap<>(entries);
        this.profiles = new ConcurrentHashMap<>(profiles);
    }

    /** Reads ahead the entries of {@code identities} and the profiles they name (two batched reads at most). */
    public static ReadAheadProfiles of(ProfileRepository store, Collection<Identity> identities) {
        Map<Identity, IdentityEntry> entries = identities.isEmpty() ? Map.of() : store.entriesOf(Set.copyOf(identities));
        Set<String> named = entries.values().stream().flatMap(entry -> Stream.concat(entry.owner().stream(), entry.claimant().stream()))
                .collect(Collectors.toSet());
        Map<String, Optional<ProfileRecord>> profiles = named.isEmpty() ? Map.of() : store.loadAll(named);
        return new ReadAheadProfiles(store, entries, profiles);
    }

    /** How many values read ahead are still unused (for tests and logs). */
    public int unused() {
        return entries.size() + profiles.size();
    }

    @Override
    public IdentityEntry entryOf(Identity identity) {
        IdentityEntry ahead = entries.remove(identity);
        return ahead != null ? ahead : store.entryOf(identity);
    }

    @Override
    public Optional<ProfileRecord> load(String profileId) {
        Optional<ProfileRecord> ahead = profiles.remove(profileId);
        return ahead != null ? ahead : store.load(profileId);
    }

    @Override
    public boolean create(ProfileRecord profile, String learnedFrom) {
        return store.create(profile, learnedFrom);
    }

    @Override
    public boolean attach(ProfileRecord profile, Set<Identity> identities, String learnedFrom) {
        return store.attach(profile, identities, learnedFrom);
    }

    @Override
    public boolean createClaimed(ProfileRecord claimed, Map<Identity, Optional<String>> expectedClaimants, String claimedVia) {
        return store.createClaimed(claimed, expectedClaimants, claimedVia);
    }

    @Override
    public boolean attachClaims(ProfileRecord claimed, Map<Identity, Optional<String>> expectedClaimants, String claimedVia) {
        return store.attachClaims(claimed, expectedClaimants, claimedVia);
    }

    @Override
    public boolean confirmClaim(String claimedProfileId, String verifiedProfileId, Instant at) {
        return store.confirmClaim(claimedProfileId, verifiedProfileId, at);
    }

    @Override
    public boolean merge(ProfileRecord survivor, ProfileRecord absorbed, Instant mergedAt, String reason) {
        return store.merge(survivor, absorbed, mergedAt, reason);
    }

    @Override
    public void optOut(String profileId, String channel, Instant at) {
        store.optOut(profileId, channel, at);
    }

    @Override
    public void optIn(String profileId, String channel, Instant at) {
        store.optIn(profileId, channel, at);
    }

    @Override
    public void suppress(String profileId, String channel, String reason, Instant at) {
        store.suppress(profileId, channel, reason, at);
    }

    @Override
    public void recordWrittenLanguage(String profileId, String language) {
        store.recordWrittenLanguage(profileId, language);
    }

    @Override
    public void recordInvitation(String profileId, Instant at) {
        store.recordInvitation(profileId, at);
    }

    @Override
    public void erase(ProfileRecord profile) {
        store.erase(profile);
    }

    @Override
    public void updateDetails(String profileId, String name, String locale, String timeZone) {
        store.updateDetails(profileId, name, locale, timeZone);
    }
}
