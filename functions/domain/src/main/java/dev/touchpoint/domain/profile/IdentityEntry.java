package dev.touchpoint.domain.profile;

import java.util.Optional;

/**
 * What the store knows of one identifier: the profile that owns it by a verified event ({@code owner},
 * and who carried it there, {@code learnedFrom}), and the pending claim an anonymous visitor made of it
 * ({@code claimant}, and through what, {@code claimedVia}). Either, both or neither may be there.
 */
public record IdentityEntry(Optional<String> owner, String learnedFrom, Optional<String> claimant, String claimedVia) {

    public static final IdentityEntry NONE = new IdentityEntry(Optional.empty(), null, Optional.empty(), null);

    public static IdentityEntry owned(String profileId) {
        return new IdentityEntry(Optional.of(profileId), null, Optional.empty(), null);
    }
}
