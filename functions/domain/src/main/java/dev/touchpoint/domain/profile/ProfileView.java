package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.conversation.ThreadEntry;
import dev.touchpoint.domain.invitation.Invitation;
import java.util.List;

/**
 * The unified profile as a reader sees it: the surviving profile, every response of it and of the
 * profiles merged into it, and its conversation thread across channels.
 */
public record ProfileView(ProfileRecord profile, List<ResponseRecord> responses, List<ThreadEntry> thread,
                          List<Invitation> invitations) {

    public ProfileView {
        responses = List.copyOf(responses);
        thread = List.copyOf(thread);
        invitations = List.copyOf(invitations);
    }
}
