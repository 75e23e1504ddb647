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
    private final IdentityResolver resolver;

    public ProfileLookup(ProfileRepository profiles, ResponseRepository responses, ThreadRepository threads,
                         InvitationRepository invitations) {
        this.profiles = profiles;
        this.responses = responses;
        this.threads = threads;
        this.invitations = invitations;
        this.resolver = new IdentityResolver(profiles, () -> {
            throw new UnsupportedOperationException("a lookup never creates profiles");
        });
    }

    public Optional<ProfileView> byIdentity(Identity identity) {
        return resolver.survivingProfileOf(identity).map(this::view);
    }

    /** By profile id; an id merged into another profile leads to the survivor. */
    public Optional<ProfileView> byId(String profileId) {
        Optional<ProfileRecord> profile = profiles.load(profileId);
        for (int hop = 0; hop < 32 && profile.isPresent() && profile.get().isMerged(); hop++) {
            profile = profiles.load(profile.get().mergedInto());
        }
        return profile.map(this::view);
    }

    private ProfileView view(ProfileRecord profile) {
        List<String> ids = new ArrayList<>();
        ids.add(profile.id());
        ids.addAll(profile.mergedFrom());
        return new ProfileView(profile, responses.forProfiles(ids), threads.forProfiles(ids), invitations.sentTo(ids));
    }
}
