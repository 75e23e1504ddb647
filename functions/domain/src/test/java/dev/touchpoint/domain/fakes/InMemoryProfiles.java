package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.profile.IdentityEntry;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The profile store in memory, with the DynamoDB adapter's conditions: a write whose condition fails
 * changes nothing and answers false. For fast tests of the use cases; {@code IdentityResolutionIT}
 * holds the real adapter to the same rules.
 */
public final class InMemoryProfiles implements ProfileRepository {

    private final Map<String, ProfileRecord> profiles = new HashMap<>();
    private final Map<Identity, IdentityEntry> entries = new HashMap<>();

    @Override
    public synchronized IdentityEntry entryOf(Identity identity) {
        return entries.getOrDefault(identity, IdentityEntry.NONE);
    }

    @Override
    public synchronized Optional<ProfileRecord> load(String profileId) {
        return Optional.ofNullable(profiles.get(profileId));
    }

    @Override
    public synchronized boolean create(ProfileRecord profile, String learnedFrom) {
        if (profiles.containsKey(profile.id()) || profile.identities().stream().anyMatch(i -> entryOf(i).owner().isPresent())) {
            return false;
        }
        profiles.put(profile.id(), profile);
        profile.identities().forEach(i -> own(i, profile.id(), learnedFrom));
        return true;
    }

    @Override
    public synchronized boolean attach(ProfileRecord profile, Set<Identity> identities, String learnedFrom) {
        ProfileRecord stored = profiles.get(profile.id());
        if (stored == null || stored.version() != profile.version() || stored.isMerged()
                || identities.stream().anyMatch(i -> entryOf(i).owner().isPresent())) {
            return false;
        }
        profiles.put(stored.id(), copy(stored).identities(union(stored.identities(), identities)).version(stored.version() + 1).build());
        identities.forEach(i -> own(i, stored.id(), learnedFrom));
        return true;
    }

    @Override
    public synchronized boolean merge(ProfileRecord survivor, ProfileRecord absorbed, Instant mergedAt, String reason) {
        ProfileRecord s = profiles.get(survivor.id());
        ProfileRecord a = profiles.get(absorbed.id());
        if (s == null || a == null || s.version() != survivor.version() || a.version() != absorbed.version() || s.isMerged() || a.isMerged()) {
            return false;
        }
        Set<String> history = union(s.mergedFrom(), a.mergedFrom());
        history.add(a.id());
        profiles.put(s.id(), copy(s).identities(union(s.identities(), a.identities())).mergedFrom(history)
                .claimedFrom(union(s.claimedFrom(), a.claimedFrom())).version(s.version() + 1).build());
        profiles.put(a.id(), copy(a).mergedInto(s.id()).version(a.version() + 1).build());
        a.identities().forEach(i -> entries.computeIfPresent(i, (k, e) -> e.owner().equals(Optional.of(a.id()))
                ? new IdentityEntry(Optional.of(s.id()), e.learnedFrom(), e.claimant(), e.claimedVia()) : e));
        return true;
    }

    @Override
    public synchronized boolean createClaimed(ProfileRecord claimed, Map<Identity, Optional<String>> expected, String claimedVia) {
        if (profiles.containsKey(claimed.id()) || !claimsAsRead(expected)) {
            return false;
        }
        profiles.put(claimed.id(), claimed);
        expected.keySet().forEach(i -> pointClaim(i, claimed.id(), claimedVia));
        return true;
    }

    @Override
    public synchronized boolean attachClaims(ProfileRecord claimed, Map<Identity, Optional<String>> expected, String claimedVia) {
        ProfileRecord stored = profiles.get(claimed.id());
        if (stored == null || stored.version() != claimed.version() || !stored.isPendingClaim() || !claimsAsRead(expected)) {
            return false;
        }
        profiles.put(stored.id(), copy(stored).identities(union(stored.identities(), expected.keySet())).version(stored.version() + 1).build());
        expected.keySet().forEach(i -> pointClaim(i, stored.id(), claimedVia));
        return true;
    }

    @Override
    public synchronized boolean confirmClaim(String claimedProfileId, String verifiedProfileId, Instant at) {
        ProfileRecord claim = profiles.get(claimedProfileId);
        ProfileRecord verified = profiles.get(verifiedProfileId);
        if (claim == null || verified == null || !claim.claimed() || claim.confirmedInto() != null || verified.isMerged()) {
            return false;
        }
        profiles.put(claim.id(), copy(claim).confirmedInto(verifiedProfileId).build());
        Set<String> claims = new HashSet<>(verified.claimedFrom());
        claims.add(claimedProfileId);
        profiles.put(verified.id(), copy(verified).claimedFrom(claims).build());
        return true;
    }

    @Override
    public synchronized void optOut(String profileId, String channel, Instant at) {
        ProfileRecord p = profiles.get(profileId);
        profiles.put(profileId, copy(p).optedOut(union(p.optedOut(), Set.of(channel))).build());
    }

    @Override
    public synchronized void optIn(String profileId, String channel, Instant at) {
        ProfileRecord p = profiles.get(profileId);
        Set<String> optedOut = new HashSet<>(p.optedOut());
        optedOut.remove(channel);
        profiles.put(profileId, copy(p).optedOut(optedOut).build());
    }

    @Override
    public synchronized void suppress(String profileId, String channel, String reason, Instant at) {
        ProfileRecord p = profiles.get(profileId);
        profiles.put(profileId, copy(p).suppressed(union(p.suppressed(), Set.of(channel))).build());
    }

    @Override
    public synchronized void recordWrittenLanguage(String profileId, String language) {
        profiles.put(profileId, copy(profiles.get(profileId)).writtenLanguage(language).build());
    }

    @Override
    public synchronized void recordInvitation(String profileId, Instant at) {
        profiles.put(profileId, copy(profiles.get(profileId)).lastInvitedAt(at).build());
    }

    @Override
    public synchronized void erase(ProfileRecord profile) {
        profiles.remove(profile.id());
        profile.identities().forEach(i -> entries.computeIfPresent(i, (k, e) -> profile.claimed()
                ? (e.claimant().equals(Optional.of(profile.id())) ? new IdentityEntry(e.owner(), e.learnedFrom(), Optional.empty(), null) : e)
                : null));
    }

    @Override
    public synchronized void updateDetails(String profileId, String name, String locale, String timeZone) {
        ProfileRecord p = profiles.get(profileId);
        profiles.put(profileId, copy(p).name(name != null ? name : p.name()).locale(locale != null ? locale : p.locale())
                .timeZone(timeZone != null ? timeZone : p.timeZone()).build());
    }

    private boolean claimsAsRead(Map<Identity, Optional<String>> expected) {
        return expected.entrySet().stream().allMatch(e -> entryOf(e.getKey()).claimant().equals(e.getValue()));
    }

    private void own(Identity identity, String profileId, String learnedFrom) {
        IdentityEntry e = entryOf(identity);
        entries.put(identity, new IdentityEntry(Optional.of(profileId), learnedFrom, e.claimant(), e.claimedVia()));
    }

    private void pointClaim(Identity identity, String claimedId, String claimedVia) {
        IdentityEntry e = entryOf(identity);
        entries.put(identity, new IdentityEntry(e.owner(), e.learnedFrom(), Optional.of(claimedId), claimedVia));
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static ProfileRecord.Builder copy(ProfileRecord p) {
        return ProfileRecord.builder(p.id(), p.createdAt()).identities(p.identities()).mergedInto(p.mergedInto())
                .mergedFrom(p.mergedFrom()).version(p.version()).name(p.name()).locale(p.locale()).writtenLanguage(p.writtenLanguage())
                .timeZone(p.timeZone())
                .optedOut(p.optedOut()).suppressed(p.suppressed()).lastInvitedAt(p.lastInvitedAt()).claimed(p.claimed())
                .confirmedInto(p.confirmedInto()).claimedFrom(p.claimedFrom());
    }
}
