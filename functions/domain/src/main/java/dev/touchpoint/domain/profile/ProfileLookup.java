package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.conversation.ThreadRepository;
import dev.touchpoint.domain.identity.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Use case: the unified profile behind one identifier, with its whole response history. */
public final class ProfileLookup {

    private final ResponseRepository responses;
    private final ThreadRepository threads;
    private final IdentityResolver resolver;

    public ProfileLookup(ProfileRepository profiles, ResponseRepository responses, ThreadRepository threads) {
        this.responses = responses;
        this.threads = threads;
        this.resolver = new IdentityResolver(profiles, () -> {
            throw new UnsupportedOperationException("a lookup never creates profiles");
        });
    }

    public Optional<ProfileView> byIdentity(Identity identity) {
        return resolver.survivingProfileOf(identity).map(this::view);
    }

    private ProfileView view(ProfileRecord profile) {
        List<String> ids = new ArrayList<>();
        ids.add(profile.id());
        ids.addAll(profile.mergedFrom());
        return new ProfileView(profile, responses.forProfiles(ids), threads.forProfiles(ids));
    }
}
