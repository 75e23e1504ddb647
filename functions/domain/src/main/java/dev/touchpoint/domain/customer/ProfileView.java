package dev.touchpoint.domain.customer;

import dev.touchpoint.domain.conversation.ThreadEntry;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.profile.IdentityEntry;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.response.ResponseRecord;
import java.util.List;
import java.util.Map;

/**
 * The unified profile as a reader sees it: the surviving profile, every response of it, of the profiles
 * merged into it and of the claims confirmed into it, its conversation thread across channels, and what
 * the store knows of each of its identifiers (how it was learned).
 */
public record ProfileView(ProfileRecord profile, List<ResponseRecord> responses, List<ThreadEntry> thread,
                          List<Invitation> invitations, Map<Identity, IdentityEntry> identityEntries) {

    public ProfileView {
        responses = List.copyOf(responses);
        thread = List.copyOf(thread);
        invitations = List.copyOf(invitations);
        identityEntries = Map.copyOf(identityEntries);
    }

    public ProfileView(ProfileRecord profile, List<ResponseRecord> responses, List<ThreadEntry> thread, List<Invitation> invitations) {
        this(profile, responses, thread, invitations, Map.of());
    }

    /** A response of a claim confirmed into this profile: typed by a visitor, not vouched for. */
    public boolean isClaimed(ResponseRecord response) {
        return profile.claimed() || (response.profileId() != null && profile.claimedFrom().contains(response.profileId()));
    }
}
