package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.conversation.ThreadEntry;
import java.util.List;

/**
 * The unified profile as a reader sees it: the surviving profile, every response of it and of the
 * profiles merged into it, and its conversation thread across channels.
 */
public record ProfileView(ProfileRecord profile, List<ResponseRecord> responses, List<ThreadEntry> thread) {

    public ProfileView {
        responses = List.copyOf(responses);
        thread = List.copyOf(thread);
    }
}
