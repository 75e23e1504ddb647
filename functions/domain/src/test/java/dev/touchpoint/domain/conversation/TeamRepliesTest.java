package dev.touchpoint.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.conversation.TeamReplies.Outcome;
import dev.touchpoint.domain.fakes.InMemoryProfiles;
import dev.touchpoint.domain.fakes.InMemorySuppressions;
import dev.touchpoint.domain.fakes.InMemoryThreads;
import dev.touchpoint.domain.fakes.RecordingReplySender;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A team member's reply, as the processor takes it off the queue, against the use case and in-memory ports. */
class TeamRepliesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final KeyedHashes HASHES = KeyedHashes.fromText("test-deployment-secret-0123456789abcdef");
    private static final Identity PHONE = new IdentityNormalizer("TR").phone("+905551112233").orElseThrow();

    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final InMemoryThreads threads = new InMemoryThreads();
    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final RecordingReplySender provider = new RecordingReplySender();
    private final TeamReplies replies = new TeamReplies(profiles, threads, provider, suppressions, HASHES);

    @BeforeEach
    void aCustomerWhoWroteBySms() {
        profiles.create(ProfileRecord.builder("p-deniz", NOW.minusSeconds(86_400)).identities(Set.of(PHONE)).build(), "test");
    }

    @Test
    void aReply_joinsTheThread_andGoesOutOnce_evenWhenTheQueueDeliversItTwice() {
        assertEquals(Outcome.SENT, replies.send(reply("r-1")));
        assertEquals(Outcome.REPEATED, replies.send(reply("r-1")));
        assertEquals(List.of(new RecordingReplySender.Sent("sms", "aws-sms", "+905551112233", "Teşekkürler, arıyoruz.")),
                provider.sent());
        ThreadEntry entry = threads.find("team:r-1").orElseThrow();
        assertEquals(ThreadEntry.Direction.OUTBOUND, entry.direction());
        assertEquals("provider-msg-1", entry.delivery().providerMessageId());
    }

    @Test
    void aRefusalThatMeansStop_optsTheCustomerOut_andTheThreadSaysWhy() {
        provider.answering(new SendOutcome.Refused("21610", "the recipient unsubscribed", true));
        assertEquals(Outcome.REFUSED, replies.send(reply("r-2")));
        assertEquals(Set.of("sms"), profiles.load("p-deniz").orElseThrow().optedOut());
        assertEquals("21610", threads.find("team:r-2").orElseThrow().delivery().errorCode());
        assertEquals(Outcome.NOT_REACHABLE, replies.send(reply("r-3")), "consent is read again for the next reply");
    }

    @Test
    void anOptOutKeptPastErasure_stopsTheReply_beforeAnythingIsStoredOrSent() {
        suppressions.keep(HASHES.suppressionKey(PHONE), Set.of("sms"), NOW.minusSeconds(60));
        assertEquals(Outcome.NOT_REACHABLE, replies.send(reply("r-4")));
        assertEquals(List.of(), provider.sent());
        assertEquals(List.of(), threads.forProfiles(List.of("p-deniz")));
    }

    @Test
    void aReplyToAProfileThatIsGone_isDropped() {
        assertEquals(Outcome.PROFILE_GONE, replies.send(new TeamReply("r-5", "p-nobody", "sms", "aws-sms", "Merhaba", "ece", NOW)));
        assertEquals(List.of(), provider.sent());
    }

    private static TeamReply reply(String id) {
        return new TeamReply(id, "p-deniz", "sms", ReplyProvider.AWS_SMS.wireName(), "Teşekkürler, arıyoruz.", "ece", NOW);
    }
}
