package dev.touchpoint.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.delivery.DeliveryEvent.Kind;
import dev.touchpoint.domain.delivery.DeliveryTracker.Outcome;
import dev.touchpoint.domain.fakes.InMemoryDeliveryLedger;
import dev.touchpoint.domain.fakes.InMemoryInvitations;
import dev.touchpoint.domain.fakes.InMemoryProfiles;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A provider's reports, as delivery-events hands them on, against the use case and in-memory ports. */
class DeliveryTrackerTest {

    private static final Instant SENT = Instant.parse("2026-12-01T09:00:00Z");
    private static final IdentityNormalizer NORMALIZER = new IdentityNormalizer("TR");

    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final InMemoryProfiles profiles = new InMemoryProfiles();
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger(invitations);
    private final DeliveryTracker tracker = new DeliveryTracker(invitations, profiles, ledger, NORMALIZER);
    private final AggregateKey cell = AggregateKey.of(SENT.plusSeconds(60), "email", "store-kadikoy", "post-service");

    @BeforeEach
    void anInvitationSentByEmail() {
        profiles.create(ProfileRecord.builder("p-ayse", SENT.minus(Duration.ofDays(3)))
                .identities(Set.of(NORMALIZER.email("ayse@example.com").orElseThrow())).build(), "test");
        Invitation invitation = Invitation.scheduled("inv-1", "post-service", 1, "p-ayse", "store-kadikoy", "service.completed",
                List.of("email", "sms"), SENT, SENT.plus(Duration.ofDays(7)), SENT.minusSeconds(60));
        invitations.schedule(invitation);
        invitations.claim(invitation, SENT);
        invitations.markSent(invitations.load("inv-1").orElseThrow(), "email", "ses-msg-1", SENT, SENT.plus(Duration.ofDays(7)));
    }

    @Test
    void aDeliveryReport_countsOnceInTheInvitationsCell_howeverOftenItArrives() {
        assertEquals(Outcome.COUNTED, tracker.track(report(Kind.DELIVERED, "ses-msg-1", null)));
        assertEquals(Outcome.REPEATED, tracker.track(report(Kind.DELIVERED, "ses-msg-1", null)));
        assertEquals(1, ledger.count(cell, FunnelCounters.DELIVERED));
    }

    @Test
    void opensAndClicks_countInTheirOwnCounters_foundByTheInvitationsTagToo() {
        assertEquals(Outcome.COUNTED, tracker.track(report(Kind.OPENED, "ses-msg-1", "inv-1")));
        assertEquals(Outcome.COUNTED, tracker.track(report(Kind.CLICKED, "ses-msg-1", "inv-1")));
        assertEquals(1, ledger.count(cell, FunnelCounters.OPENED));
        assertEquals(1, ledger.count(cell, FunnelCounters.CLICKED));
        assertEquals(0, ledger.count(cell, FunnelCounters.DELIVERED));
    }

    @Test
    void aBounce_suppressesTheChannel_onTheInvitedProfile() {
        assertEquals(Outcome.SUPPRESSED, tracker.track(report(Kind.BOUNCED, "ses-msg-1", null)));
        assertEquals(Set.of("email"), profiles.load("p-ayse").orElseThrow().suppressed());
    }

    @Test
    void aComplaintAboutAMessageWeCannotPlace_findsTheProfileByTheAddress() {
        DeliveryEvent complaint = new DeliveryEvent(Kind.COMPLAINED, "email", "ses-unknown", null, "Ayse@Example.com",
                SENT.plusSeconds(60), "abuse");
        assertEquals(Outcome.SUPPRESSED, tracker.track(complaint));
        assertTrue(profiles.load("p-ayse").orElseThrow().suppressed().contains("email"));
    }

    @Test
    void reportsOfNoInvitationOrOfNoConsequence_changeNothing() {
        assertEquals(Outcome.IGNORED, tracker.track(report(Kind.DELIVERED, "ses-unknown", null)));
        assertEquals(Outcome.IGNORED, tracker.track(report(Kind.FAILED, "ses-msg-1", null)));
        assertEquals(Outcome.IGNORED, tracker.track(new DeliveryEvent(Kind.BOUNCED, "email", "ses-unknown", null,
                "nobody@example.com", SENT, null)));
        assertEquals(0, ledger.count(cell, FunnelCounters.DELIVERED));
        assertEquals(Set.of(), profiles.load("p-ayse").orElseThrow().suppressed());
    }

    private static DeliveryEvent report(Kind kind, String messageId, String invitationId) {
        return new DeliveryEvent(kind, "email", messageId, invitationId, "ayse@example.com", SENT.plusSeconds(60), null);
    }
}
