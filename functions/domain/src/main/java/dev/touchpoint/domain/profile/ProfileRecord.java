package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * A stored profile. {@code version} rises with every change to its identities, so that an attach or a
 * merge computed from a stale read fails its conditional write instead of losing an identity.
 * A profile merged into another keeps {@code mergedInto}; the survivor lists it in {@code mergedFrom}.
 * Consent lives here too: the channels the customer opted out of, the channels suppressed after
 * bounces or complaints, and when they were last invited (for the cooldown).
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
        String timeZone,
        Set<String> optedOut,
        Set<String> suppressed,
        Instant lastInvitedAt) {

    public ProfileRecord {
        identities = Set.copyOf(identities);
        mergedFrom = Set.copyOf(mergedFrom);
        optedOut = Set.copyOf(optedOut);
        suppressed = Set.copyOf(suppressed);
    }

    public static ProfileRecord created(String id, Set<Identity> identities, Instant now, String name, String locale,
                                        String timeZone) {
        return new ProfileRecord(id, identities, null, Set.of(), 1, now, name, locale, timeZone, Set.of(), Set.of(), null);
    }

    /** The first identity of a type, e.g. the email to invite. */
    public Optional<Identity> identity(IdentityType type) {
        return identities.stream().filter(i -> i.type() == type).sorted(Comparator.comparing(Identity::value)).findFirst();
    }

    public boolean hasStrongIdentity() {
        return identities.stream().anyMatch(Identity::isStrong);
    }

    public boolean isMerged() {
        return mergedInto != null;
    }
}
