package dev.touchpoint.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.fakes.InMemoryDailyCap;
import dev.touchpoint.domain.fakes.InMemoryFunnel;
import dev.touchpoint.domain.fakes.InMemoryInvitations;
import dev.touchpoint.domain.fakes.InMemoryProfiles;
import dev.touchpoint.domain.fakes.InMemorySuppressions;
import dev.touchpoint.domain.fakes.TestSurveys;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.invitation.InvitationDispatcher.Report;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dispatcher's run, as survey-dispatcher makes it every minute, against the use case and in-memory ports. */
class InvitationDispatcherTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final IdentityNormalizer NORMALIZER = new IdentityNormalizer("TR");
    private static final Identity EMAIL = NORMALIZER.email("mert@example.com").orElseThrow();
    private static final Identity PHONE = NORMALIZER.phone("+905551112244").orElseThrow();
    private static final KeyedHashes HASHES = KeyedHashes.fromText("test-deployment-secret-0123456789abcdef");
    private static final SurveyTokens TOKENS = SurveyTokens.fromText("test-survey-token-key-0123456789abcdef");

    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final InMemoryFunnel funnel = new InMemoryFunnel();
    private final InMemorySuppressions suppressions = new InMemorySuppressions();
    private final List<OutgoingEmail> emails = new ArrayList<>();
    private final List<OutgoingSms> texts = new ArrayList<>();
    private int dailyCap = 100;

    @Test
    void aDueInvitation_goesOutOnce_byEmail_andIsCountedInvited() {
        aCustomer("UTC", EMAIL, PHONE);
        due("00000000-0000-4000-8000-000000000001");
        assertEquals(new Report(1, 0, 0, 0, Map.of()), dispatcher().run());
        assertEquals(new Report(0, 0, 0, 0, Map.of()), dispatcher().run(), "a sent invitation is no longer due");
        assertEquals(List.of("mert@example.com"), emails.stream().map(OutgoingEmail::to).toList());
        Invitation sent = invitations.load("00000000-0000-4000-8000-000000000001").orElseThrow();
        assertEquals(InvitationStatus.SENT, sent.status());
        assertEquals("email", sent.sentChannel());
        assertEquals(NOW, profiles.load("p-mert").orElseThrow().lastInvitedAt());
        assertEquals(Map.of("invited", 1), funnel.cells().get(AggregateKey.of(NOW, "email", "store-kadikoy", "post-service")));
    }

    @Test
    void anEmailOptOut_sendsTheNextChannel_andAnOptOutKeptPastErasure_isHonouredToo() {
        aCustomer("UTC", EMAIL, PHONE);
        suppressions.keep(HASHES.suppressionKey(EMAIL), Set.of("email"), NOW.minus(Duration.ofDays(40)));
        due("00000000-0000-4000-8000-000000000002");
        assertEquals(1, dispatcher().run().sent());
        assertEquals(List.of(), emails);
        assertEquals(List.of("+905551112244"), texts.stream().map(OutgoingSms::to).toList());
    }

    @Test
    void atTenInTheMorningUtc_aCustomerInAuckland_isAsleep_soTheInvitationWaits() {
        aCustomer("Pacific/Auckland", EMAIL);
        due("00000000-0000-4000-8000-000000000003");
        assertEquals(1, dispatcher().run().deferred());
        Invitation waiting = invitations.load("00000000-0000-4000-8000-000000000003").orElseThrow();
        assertEquals(InvitationStatus.PENDING, waiting.status());
        assertTrue(waiting.dueAt().isAfter(NOW), "due again when the customer's quiet hours end");
        assertEquals(List.of(), emails);
    }

    @Test
    void aProviderFailure_dropsTheInvitation_withItsReason_andNothingIsMarkedSent() {
        aCustomer("UTC", EMAIL);
        due("00000000-0000-4000-8000-000000000004");
        Report report = new InvitationDispatcher(invitations, profiles, TestSurveys.catalog(), TOKENS,
                email -> {
                    throw new IllegalStateException("SES throttled");
                }, sms -> "sms-id", new InMemoryDailyCap(), funnel, settings(), suppressions, HASHES,
                Clock.fixed(NOW, ZoneOffset.UTC)).run();
        assertEquals(Map.of("send-failed", 1), report.droppedBy());
        assertEquals(InvitationStatus.DROPPED, invitations.load("00000000-0000-4000-8000-000000000004").orElseThrow().status());
    }

    @Test
    void theDaysCap_defersWhatIsOverIt_untilTomorrow() {
        dailyCap = 1;
        aCustomer("UTC", EMAIL);
        profiles.create(ProfileRecord.builder("p-ece", NOW.minus(Duration.ofDays(100)))
                .identities(Set.of(NORMALIZER.email("ece@example.com").orElseThrow())).timeZone("UTC").build(), "test");
        due("00000000-0000-4000-8000-000000000005");
        invitations.schedule(Invitation.scheduled("00000000-0000-4000-8000-000000000006", "post-service", 1, "p-ece", "store-kadikoy", "service.completed",
                List.of("email"), NOW.minusSeconds(30), NOW.plus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(1))));
        Report report = dispatcher().run();
        assertEquals(1, report.sent());
        assertEquals(1, report.deferred());
        assertEquals(1, emails.size());
    }

    private InvitationDispatcher dispatcher() {
        return new InvitationDispatcher(invitations, profiles, TestSurveys.catalog(), TOKENS,
                email -> {
                    emails.add(email);
                    return "ses-" + emails.size();
                }, sms -> {
                    texts.add(sms);
                    return "sms-" + texts.size();
                }, new InMemoryDailyCap(), funnel, settings(), suppressions, HASHES, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private DispatchSettings settings() {
        return new DispatchSettings("https://feedback.example.com", "survey@example.com", "replies.example.com", null, null,
                ZoneId.of("UTC"), QuietHours.DEFAULT, dailyCap, false);
    }

    private void aCustomer(String timeZone, Identity... identities) {
        profiles.create(ProfileRecord.builder("p-mert", NOW.minus(Duration.ofDays(100))).identities(Set.of(identities))
                .timeZone(timeZone).build(), "test");
    }

    private void due(String id) {
        invitations.schedule(Invitation.scheduled(id, "post-service", 1, "p-mert", "store-kadikoy", "service.completed",
                List.of("email", "sms"), NOW.minusSeconds(60), NOW.plus(Duration.ofDays(3)), NOW.minus(Duration.ofHours(1))));
    }
}
