package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Identity;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One batch's view of the profile store: before the batch is handled, the owners of all its
 * identities and those owners' profiles are read in two batched reads instead of one read per
 * identity and profile per message.
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
    private final Map<Identity, Optional<String>> owners;
    private final Map<String, Optional<ProfileRecord>> profiles;

    private ReadAheadProfiles(ProfileRepository store, Map<Identity, Optional<String>> owners,
                              Map<String, Optional<ProfileRecord>> profiles) {
        this.store = store;
        this.owners = new ConcurrentHashMap<>(owners);
        this.profiles = new ConcurrentHashMap<>(profiles);
    }

    /** Reads ahead the owners of {@code identities} and their profiles (two batched reads at most). */
    public static ReadAheadProfiles of(ProfileRepository store, Collection<Identity> identities) {
        Map<Identity, Optional<String>> owners = identities.isEmpty() ? Map.of() : store.profileIdsOf(Set.copyOf(identities));
        Set<String> ownerIds = owners.values().stream().flatMap(Optional::stream).collect(Collectors.toSet());
        Map<String, Optional<ProfileRecord>> profiles = ownerIds.isEmpty() ? Map.of() : store.loadAll(ownerIds);
        return new ReadAheadProfiles(store, owners, profiles);
    }

    /** How many values read ahead are still unused (for tests and logs). */
    public int unused() {
        return owners.size() + profiles.size();
    }

    @Override
    public Optional<String> profileIdOf(Identity identity) {
        Optional<String> ahead = owners.remove(identity);
        return ahead != null ? ahead : store.profileIdOf(identity);
    }

    @Override
    public Optional<ProfileRecord> load(String profileId) {
        Optional<ProfileRecord> ahead = profiles.remove(profileId);
        return ahead != null ? ahead : store.load(profileId);
    }

    @Override
    public boolean create(ProfileRecord profile) {
        return store.create(profile);
    }

    @Override
    public boolean attach(ProfileRecord profile, Set<Identity> identities) {
        return store.attach(profile, identities);
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
