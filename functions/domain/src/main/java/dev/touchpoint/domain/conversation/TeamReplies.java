package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.privacy.KeptConsent;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.privacy.SuppressionList;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import java.util.List;
import java.util.Optional;

/**
 * Use case run by the processor for a team member's reply: it joins the customer's thread and goes out
 * on the chosen channel, once per reply id. Consent and the address are read again now, so a STOP or an
 * erasure that arrived after the reply was accepted wins. Like automatic replies it is sent at most once:
 * the thread entry is written first, and a provider failure is not retried (docs/decisions.md).
 */
public final class TeamReplies {

    public enum Outcome { SENT, REFUSED, REPEATED, PROFILE_GONE, NOT_REACHABLE }

    private final ProfileRepository profiles;
    private final ThreadRepository threads;
    private final ReplySender replies;
    private final SuppressionList suppressions;
    private final KeyedHashes hashes;

    public TeamReplies(ProfileRepository profiles, ThreadRepository threads, ReplySender replies, SuppressionList suppressions,
                       KeyedHashes hashes) {
        this.profiles = profiles;
        this.threads = threads;
        this.replies = replies;
        this.suppressions = suppressions;
        this.hashes = hashes;
    }

    public Outcome send(TeamReply reply) {
        Optional<ProfileRecord> profile = profiles.surviving(reply.profileId());
        if (profile.isEmpty()) {
            return Outcome.PROFILE_GONE;
        }
        Optional<Identity> recipient = ReplyChannels.recipient(profile.get(), reply.channel());
        boolean keptClosed = recipient.isPresent()
                && KeptConsent.closedTo(List.of(recipient.get()), suppressions, hashes).contains(reply.channel());
        if (profile.get().claimed() || recipient.isEmpty() || keptClosed || !ReplyChannels.consents(profile.get(), reply.channel())) {
            return Outcome.NOT_REACHABLE;
        }
        ThreadEntry entry = new ThreadEntry(reply.threadEntryId(), profile.get().id(), ThreadEntry.Direction.OUTBOUND,
                reply.channel(), reply.provider(), reply.text(), null, reply.requestedAt(), reply.author());
        // Stored before it is sent: a team member's reply goes at most once, even if what follows fails.
        if (!threads.append(entry)) {
            return Outcome.REPEATED;
        }
        SendOutcome outcome = replies.reply(reply.channel(), reply.provider(), recipient.get().value(), reply.text());
        threads.recordDelivery(entry.with(Delivery.of(outcome, reply.requestedAt())), null);
        if (outcome instanceof SendOutcome.Refused refused) {
            if (refused.optedOut()) {
                profiles.optOut(profile.get().id(), reply.channel(), reply.requestedAt());
            }
            return Outcome.REFUSED;
        }
        return Outcome.SENT;
    }
}
