package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.conversation.ThreadRepository;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.invitation.InvitationRepository;
import java.util.ArrayList;
import java.util.List;
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

    public Optional<ProfileView> byIdentity(Identity identity) {
        return profiles.profileIdOf(identity).flatMap(profiles::surviving).map(this::view);
    }

    /** By profile id; an id merged into another profile leads to the survivor. */
    public Optional<ProfileView> byId(String profileId) {
        return profiles.surviving(profileId).map(this::view);
    }

    private ProfileView view(ProfileRecord profile) {
        List<String> ids = new ArrayList<>();
        ids.add(profile.id());
        ids.addAll(profile.mergedFrom());
        return new ProfileView(profile, responses.forProfiles(ids), threads.forProfiles(ids), invitations.sentTo(ids));
    }
}
