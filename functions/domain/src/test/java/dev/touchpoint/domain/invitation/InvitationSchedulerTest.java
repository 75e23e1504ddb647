package dev.touchpoint.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.fakes.InMemoryFunnel;
import dev.touchpoint.domain.fakes.InMemoryInvitations;
import dev.touchpoint.domain.fakes.InMemoryProfiles;
import dev.touchpoint.domain.fakes.TestSurveys;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.Provenance;
import dev.touchpoint.domain.interaction.InteractionEvent;
import dev.touchpoint.domain.interaction.ServiceInteraction;
import dev.touchpoint.domain.invitation.InvitationScheduler.Outcome;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.profile.IdentityResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A service event, as the processor takes it off the queue, against the use case and in-memory ports. */
class InvitationSchedulerTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-07T10:00:00Z");
    private static final IdentityNormalizer NORMALIZER = new IdentityNormalizer("TR");

    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final InMemoryFunnel funnel = new InMemoryFunnel();
    private final AtomicInteger ids = new AtomicInteger();
    private final InvitationScheduler scheduler = new InvitationScheduler(new IdentityResolver(profiles, () -> "p" + ids.incrementAndGet()),
            TestSurveys.catalog(), invitations, funnel);

    @Test
    void aCompletedService_schedulesThePostServiceSurvey_anHourLater_onItsChannels_once() {
        assertEquals(Outcome.SCHEDULED, scheduler.schedule(event("evt-1", "service.completed", RECEIVED.minusSeconds(600), null, null)));
        assertEquals(Outcome.ALREADY_SCHEDULED, scheduler.schedule(event("evt-1", "service.completed", RECEIVED.minusSeconds(600), null, null)));
        Invitation invitation = invitations.load("inv-evt-1").orElseThrow();
        assertEquals("post-service", invitation.surveyId());
        assertEquals(RECEIVED.minusSeconds(600).plus(Duration.ofHours(1)), invitation.dueAt());
        assertEquals(List.of("email", "sms"), invitation.channels());
        assertEquals(InvitationStatus.PENDING, invitation.status());
        assertEquals("p1", invitation.profileId(), "the customer became a profile");
        assertEquals("p1", profiles.profileIdOf(NORMALIZER.email("leyla@example.com").orElseThrow()).orElseThrow());
    }

    @Test
    void theEventsOwnDelayAndChannels_win_butNothingIsDueBeforeItArrived() {
        scheduler.schedule(event("evt-2", "service.completed", RECEIVED.minus(Duration.ofHours(3)), Duration.ofMinutes(30), List.of("sms")));
        Invitation invitation = invitations.load("inv-evt-2").orElseThrow();
        assertEquals(RECEIVED, invitation.dueAt(), "half an hour after a service three hours ago is now");
        assertEquals(List.of("sms"), invitation.channels());
    }

    @Test
    void anEventNoSurveyAsksFor_schedulesNothing_butTheCustomerIsKnown() {
        assertEquals(Outcome.NO_SURVEY, scheduler.schedule(event("evt-3", "order.shipped", RECEIVED, null, null)));
        assertEquals(List.of(), invitations.ofProfiles(List.of("p1")));
        assertEquals("p1", profiles.profileIdOf(NORMALIZER.email("leyla@example.com").orElseThrow()).orElseThrow());
    }

    @Test
    void aBackfilledEventOlderThanAWeek_isKeptDroppedTooOld_andCountedSo_neverSent() {
        assertEquals(Outcome.TOO_OLD, scheduler.schedule(event("evt-4", "service.completed", RECEIVED.minus(Duration.ofDays(30)), null, null)));
        Invitation invitation = invitations.load("inv-evt-4").orElseThrow();
        assertEquals(InvitationStatus.DROPPED, invitation.status());
        assertEquals(List.of(), invitations.due(RECEIVED.plus(Duration.ofDays(30)), 10));
        assertEquals(Map.of(AggregateKey.of(RECEIVED, "email", "store-kadikoy", "post-service"), Map.of("dropped.too-old", 1)),
                funnel.cells());
    }

    private static InteractionEvent event(String id, String type, Instant occurredAt, Duration delay, List<String> channels) {
        // A service event comes with an API key: its customer is as the business knows them.
        Customer customer = new Customer(List.of(NORMALIZER.email("leyla@example.com").orElseThrow()), null, null, null, Provenance.API_KEY);
        return new InteractionEvent(new ServiceInteraction(id, type, occurredAt, "store-kadikoy", customer, null, delay, channels),
                RECEIVED, "inv-" + id);
    }
}
