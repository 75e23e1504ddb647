package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.conversation.ThreadRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case: erase a person (GDPR). The profile, the profiles merged into it and their identity entries
 * are deleted; their responses lose every free text and the link to the person but keep their scores;
 * their thread is deleted. Aggregate counts stay, so reports still add up. A second erasure finds
 * nothing.
 */
public final class ProfileErasure {

    private final ProfileRepository profiles;
    private final ResponseRepository responses;
    private final ThreadRepository threads;

    public ProfileErasure(ProfileRepository profiles, ResponseRepository responses, ThreadRepository threads) {
        this.profiles = profiles;
        this.responses = responses;
        this.threads = threads;
    }

    /** @return false when there is no such profile (or it was erased already) */
    public boolean erase(String profileId) {
        Optional<ProfileRecord> profile = profiles.load(profileId);
        if (profile.isEmpty() || profile.get().isMerged()) {
            return false;
        }
        List<ProfileRecord> all = new ArrayList<>();
        all.add(profile.get());
        profile.get().mergedFrom().forEach(id -> profiles.load(id).ifPresent(all::add));
        // Claims confirmed into the person are theirs too (the store keeps the verified owners of their identifiers).
        profile.get().claimedFrom().forEach(id -> profiles.load(id).ifPresent(all::add));
        List<String> ids = all.stream().map(ProfileRecord::id).toList();
        responses.anonymise(ids);
        threads.erase(ids);
        all.forEach(profiles::erase);
        return true;
    }
}
