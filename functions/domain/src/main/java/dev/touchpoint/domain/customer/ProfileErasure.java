package dev.touchpoint.domain.customer;

import dev.touchpoint.domain.conversation.ThreadRepository;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.privacy.KeptConsent;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.privacy.SuppressionList;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import dev.touchpoint.domain.response.ResponseRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use case: erase a person (GDPR). The profile, the profiles merged into it and the claims confirmed
 * into it are deleted with their identity entries; their responses lose every free text and the link
 * to the person but keep their scores; their thread is deleted; their invitations forget them (they
 * keep survey, channel and status for reports). Aggregate counts stay, so reports still add up.
 *
 * <p>Consent survives: for each erased identifier whose channel was opted out or suppressed, a record
 * under the identifier's keyed hash keeps those channels closed ({@link SuppressionList}), so the next
 * service event naming the same address sends nothing there. An erased invitation keeps the keyed
 * hashes of its addresses, so its email's one-click unsubscribe still works. A second erasure finds
 * nothing.
 */
public final class ProfileErasure {

    private final ProfileRepository profiles;
    private final ResponseRepository responses;
    private final ThreadRepository threads;
    private final InvitationRepository invitations;
    private final SuppressionList suppressions;
    private final KeyedHashes hashes;
    private final Clock clock;

    public ProfileErasure(ProfileRepository profiles, ResponseRepository responses, ThreadRepository threads,
                          InvitationRepository invitations, SuppressionList suppressions, KeyedHashes hashes, Clock clock) {
        this.profiles = profiles;
        this.responses = responses;
        this.threads = threads;
        this.invitations = invitations;
        this.suppressions = suppressions;
        this.hashes = hashes;
        this.clock = clock;
    }

    /** @return false when there is no such profile (or it was erased already) */
    public boolean erase(String profileId) {
        Optional<ProfileRecord> profile = profiles.load(profileId);
        if (profile.isEmpty() || profile.get().isMerged()) {
            return false;
        }
        Instant now = clock.instant();
        List<ProfileRecord> all = new ArrayList<>();
        all.add(profile.get());
        profile.get().mergedFrom().forEach(id -> profiles.load(id).ifPresent(all::add));
        // Claims confirmed into the person are theirs too (the store keeps the verified owners of their identifiers).
        profile.get().claimedFrom().forEach(id -> profiles.load(id).ifPresent(all::add));
        List<String> ids = all.stream().map(ProfileRecord::id).toList();
        keepConsent(all, now);
        scrubInvitations(ids, all, now);
        responses.anonymise(ids);
        threads.erase(ids);
        all.forEach(profiles::erase);
        return true;
    }

    /** Each verified identifier's closed channels, under its keyed hash (a claim's identifiers vouch for nothing). */
    private void keepConsent(List<ProfileRecord> all, Instant now) {
        for (ProfileRecord erased : all) {
            if (erased.claimed()) {
                continue;
            }
            Set<String> closed = new HashSet<>(erased.optedOut());
            closed.addAll(erased.suppressed());
            for (Identity identity : erased.identities()) {
                Set<String> kept = KeptConsent.toKeep(identity, closed);
                if (!kept.isEmpty()) {
                    suppressions.keep(hashes.suppressionKey(identity), kept, now);
                }
            }
        }
    }

    private void scrubInvitations(List<String> ids, List<ProfileRecord> all, Instant now) {
        Set<Identity> identities = all.stream().filter(p -> !p.claimed()).flatMap(p -> p.identities().stream()).collect(Collectors.toSet());
        for (Invitation invitation : invitations.ofProfiles(ids)) {
            Set<String> recipients = identities.stream()
                    .filter(identity -> invitation.sentChannel() != null && KeptConsent.channelsOf(identity).contains(invitation.sentChannel()))
                    .map(hashes::suppressionKey).collect(Collectors.toSet());
            invitations.scrub(invitation, recipients, now);
        }
    }
}
