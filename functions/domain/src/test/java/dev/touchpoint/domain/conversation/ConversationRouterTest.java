package dev.touchpoint.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.conversation.ConversationRouter.Outcome;
import dev.touchpoint.domain.fakes.InMemoryInvitations;
import dev.touchpoint.domain.fakes.InMemoryProfiles;
import dev.touchpoint.domain.fakes.InMemoryResponses;
import dev.touchpoint.domain.fakes.InMemorySuppressions;
import dev.touchpoint.domain.fakes.InMemoryThreads;
import dev.touchpoint.domain.fakes.RecordingReplySender;
import dev.touchpoint.domain.fakes.TestSurveys;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.profile.LanguageGuesser;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.response.ClosedLoop;
import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.webhook.OutgoingWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages customers write back, as the processor takes them off the queue, against the use case and in-memory ports. */
class ConversationRouterTest {

    private static final Instant SENT = Instant.parse("2026-12-07T09:00:00Z");
    private static final Identity PHONE = new IdentityNormalizer("TR").phone("+905551112255").orElseThrow();
    private static final String INVITATION = "00000000-0000-4000-8000-000000000042";

    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemoryThreads threads = new InMemoryThreads();
    private final RecordingReplySender provider = new RecordingReplySender();
    private final List<DetractorAlerts.DetractorAlert> alerts = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final ConversationRouter router = new ConversationRouter(new IdentityResolver(profiles, () -> "p" + ids.incrementAndGet()),
            profiles, invitations, responses, threads, TestSurveys.catalog(),
            SurveyTokens.fromText("test-survey-token-key-0123456789abcdef"), provider,
            new ClosedLoop(new DetractorAlerts(alerts::add), OutgoingWebhooks.none()), new InMemorySuppressions(),
            KeyedHashes.fromText("test-deployment-secret-0123456789abcdef"), LanguageGuesser.NONE);

    @BeforeEach
    void aSurveyTextedToTheCustomer() {
        profiles.create(ProfileRecord.builder("p-zeynep", SENT.minus(Duration.ofDays(5))).identities(Set.of(PHONE)).build(), "test");
        Invitation invitation = Invitation.scheduled(INVITATION, "post-service", 1, "p-zeynep", "store-kadikoy", "service.completed",
                List.of("sms"), SENT, SENT.plus(Duration.ofDays(3)), SENT.minusSeconds(3600));
        invitations.schedule(invitation);
        invitations.claim(invitation, SENT);
        invitations.markSent(invitations.load(INVITATION).orElseThrow(), "sms", "sms-msg-1", SENT, SENT.plus(Duration.ofDays(3)));
    }

    @Test
    void aScoreTextedBack_answersTheOpenInvitation_once_andIsThanked() {
        assertEquals(Outcome.ANSWERED, router.handle(sms("SM1", "9", 60), false));
        assertEquals(Outcome.REPEATED, router.handle(sms("SM1", "9", 60), false), "the queue's duplicate");
        List<ResponseRecord> recorded = responses.forProfiles(List.of("p-zeynep"));
        assertEquals(1, recorded.size());
        assertEquals(INVITATION, recorded.get(0).invitationId());
        assertEquals(9, recorded.get(0).answers().get(0).score());
        assertEquals(1, provider.sent().size(), "one reply, on the channel the customer wrote on");
        assertEquals("+905551112255", provider.sent().get(0).recipient());
        assertTrue(threads.forProfiles(List.of("p-zeynep")).size() >= 2, "the message and our reply are on the thread");
    }

    @Test
    void stop_optsTheCustomerOutOfSms_andRecordsNoAnswer() {
        assertEquals(Outcome.OPTED_OUT, router.handle(sms("SM2", "STOP", 60), false));
        assertEquals(Set.of("sms"), profiles.load("p-zeynep").orElseThrow().optedOut());
        assertEquals(List.of(), responses.forProfiles(List.of("p-zeynep")));
    }

    @Test
    void aDetractorsScore_raisesTheAlert() {
        assertEquals(Outcome.ANSWERED, router.handle(sms("SM3", "2", 60), false));
        assertEquals(1, alerts.size());
    }

    @Test
    void aReaction_staysOnTheThread_unansweredAndUncounted() {
        InboundMessage reaction = new InboundMessage("sms", "twilio", "SM4", Customer.verifiedBy("twilio", List.of(PHONE), null), "👍",
                null, null, SENT.plusSeconds(60), MessageKind.REACTION, List.of());
        assertEquals(Outcome.KEPT, router.handle(reaction, false));
        assertEquals(List.of(), provider.sent());
        assertEquals(List.of(), responses.forProfiles(List.of("p-zeynep")));
    }

    private static InboundMessage sms(String id, String text, int secondsAfterSend) {
        return new InboundMessage("sms", ReplyProvider.TWILIO.wireName(), id, Customer.verifiedBy("twilio", List.of(PHONE), null), text,
                null, null, SENT.plusSeconds(secondsAfterSend));
    }
}
