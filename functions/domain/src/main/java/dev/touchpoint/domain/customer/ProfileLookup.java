package dev.touchpoint.domain.customer;

import dev.touchpoint.domain.conversation.ThreadRepository;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.profile.IdentityEntry;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import dev.touchpoint.domain.response.ResponseRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Use case: the unified profile behind one identifier, with its whole response history. */
public final class ProfileLookup {

    private final ResponseRepository responses;
    private final ThreadRepository threads;
    private final InvitationRepository invitations;
    private final ProfileRepository profiles;

    public ProfileLookup(ProfileRepository profiles, ResponseRepository responses, ThreadRepository threads,
                         InvitationRepository invitations) {
        this.profiles = profiles;
        this.responses = responses;
        this.threads = threads;
        this.invitations = invitations;
    }

    /**
     * The customer a verified event made this identifier's owner; failing that, the claim an anonymous
     * visitor made of it (marked claimed), so that feedback typed into the widget can still be found.
     */
    public Optional<ProfileView> byIdentity(Identity identity) {
        IdentityEntry entry = profiles.entryOf(identity);
        return entry.owner().flatMap(profiles::surviving)
                .or(() -> entry.claimant().flatMap(profiles::load))
                .map(this::view);
    }

    /** By profile id; an id merged into another profile leads to the survivor. */
    public Optional<ProfileView> byId(String profileId) {
        return profiles.surviving(profileId).map(this::view);
    }

    /** Everything of the profile and of those merged into it, the responses of confirmed claims too, and how each identifier was learned. */
    private ProfileView view(ProfileRecord profile) {
        List<String> ids = new ArrayList<>();
        ids.add(profile.id());
        ids.addAll(profile.mergedFrom());
        List<String> withClaims = new ArrayList<>(ids);
        withClaims.addAll(profile.claimedFrom());
        Map<Identity, IdentityEntry> entries = profile.identities().isEmpty() ? Map.of() : profiles.entriesOf(profile.identities());
        return new ProfileView(profile, responses.forProfiles(withClaims), threads.forProfiles(ids), invitations.ofProfiles(ids), entries);
    }
}
