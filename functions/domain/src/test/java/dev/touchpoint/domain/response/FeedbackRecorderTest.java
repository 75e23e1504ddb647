package dev.touchpoint.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.fakes.InMemoryInvitations;
import dev.touchpoint.domain.fakes.InMemoryProfiles;
import dev.touchpoint.domain.fakes.InMemoryResponses;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.Provenance;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.response.DetractorAlerts.DetractorAlert;
import dev.touchpoint.domain.response.FeedbackRecorder.Outcome;
import dev.touchpoint.domain.webhook.OutgoingWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Feedback as the processor takes it off the queue, against the use case and in-memory ports. */
class FeedbackRecorderTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final IdentityNormalizer NORMALIZER = new IdentityNormalizer("TR");

    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final InMemoryResponses responses = new InMemoryResponses();
    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final List<DetractorAlert> alerts = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final FeedbackRecorder recorder = new FeedbackRecorder(new IdentityResolver(profiles, () -> "p" + ids.incrementAndGet()),
            responses, invitations, new ClosedLoop(new DetractorAlerts(alerts::add), OutgoingWebhooks.none()));

    @Test
    void aDetractorsFeedback_isRecordedOnTheirProfile_andAlertsOnce_unlessTheQueueRetriesIt() {
        FeedbackEvent event = event("r-1", null, NOW, 3);
        assertEquals(Outcome.RECORDED, recorder.record(event, false));
        assertEquals("p1", responses.find("r-1").orElseThrow().profileId());
        assertEquals(1, alerts.size());
        assertEquals(Outcome.ALREADY_RECORDED, recorder.record(event, false), "a resubmission");
        assertEquals(1, alerts.size(), "a resubmission raises nothing");
        assertEquals(Outcome.ALREADY_RECORDED, recorder.record(event, true), "the queue's retry of a failed attempt");
        assertEquals(2, alerts.size(), "the retry raises the alert again, in case the failed attempt had not");
    }

    @Test
    void aPromoter_raisesNoAlert() {
        assertEquals(Outcome.RECORDED, recorder.record(event("r-2", null, NOW, 10), false));
        assertEquals(List.of(), alerts);
    }

    @Test
    void anInvitationsAnswer_countsOnItsProfile_andTheLastAnswerReceivedWins() {
        Invitation invitation = Invitation.scheduled("inv-1", "post-service", 1, "p-known", "store-kadikoy", "service.completed",
                List.of("email"), NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(3)));
        invitations.schedule(invitation);
        assertEquals(Outcome.RECORDED, recorder.record(event("r-3", "inv-1", NOW, 9), false));
        assertEquals("p-known", responses.find("r-3").orElseThrow().profileId());

        assertEquals(Outcome.CHANGED, recorder.record(event("r-3", "inv-1", NOW.plusSeconds(600), 6), false));
        assertEquals(6, responses.find("r-3").orElseThrow().answers().get(0).score());
        assertEquals(1, alerts.size(), "the changed answer is a detractor's: alerted");

        assertEquals(Outcome.ALREADY_RECORDED, recorder.record(event("r-3", "inv-1", NOW.plusSeconds(300), 10), false),
                "an older answer delivered late changes nothing");
        assertEquals(6, responses.find("r-3").orElseThrow().answers().get(0).score());
    }

    private static FeedbackEvent event(String responseId, String invitationId, Instant receivedAt, int nps) {
        Customer customer = invitationId != null ? Customer.ANONYMOUS
                : new Customer(List.of(NORMALIZER.email("selin@example.com").orElseThrow()), null, null, null, Provenance.API_KEY);
        FeedbackSubmission submission = new FeedbackSubmission(null, Channel.WEB, "store-kadikoy", "post-service", customer,
                List.of(Answer.scored("nps", AnswerType.NPS, nps)), receivedAt);
        return new FeedbackEvent(responseId, "key-" + responseId, submission, receivedAt, invitationId);
    }
}
