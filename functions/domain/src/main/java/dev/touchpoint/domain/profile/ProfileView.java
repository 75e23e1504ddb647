package dev.touchpoint.domain.profile;

import java.util.List;

/** The unified profile as a reader sees it: the surviving profile and every response of it and of the profiles merged into it. */
public record ProfileView(ProfileRecord profile, List<ResponseRecord> responses) {

    public ProfileView {
        responses = List.copyOf(responses);
    }
}
