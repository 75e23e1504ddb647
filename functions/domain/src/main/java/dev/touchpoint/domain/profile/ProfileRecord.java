package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Identity;
import java.time.Instant;
import java.util.Set;

/**
 * A stored profile. {@code version} rises with every change to its identities, so that an attach or a
 * merge computed from a stale read fails its conditional write instead of losing an identity.
 * A profile merged into another keeps {@code mergedInto}; the survivor lists it in {@code mergedFrom}.
 */
public record ProfileRecord(
        String id,
        Set<Identity> identities,
        String mergedInto,
        Set<String> mergedFrom,
        long version,
        Instant createdAt,
        String name,
        String locale,
        String timeZone) {

    public ProfileRecord {
        identities = Set.copyOf(identities);
        mergedFrom = Set.copyOf(mergedFrom);
    }

    public boolean hasStrongIdentity() {
        return identities.stream().anyMatch(Identity::isStrong);
    }

    public boolean isMerged() {
        return mergedInto != null;
    }
}
