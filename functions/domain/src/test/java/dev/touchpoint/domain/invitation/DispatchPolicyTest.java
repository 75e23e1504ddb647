package dev.touchpoint.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.fakes.TestSurveys;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DispatchPolicyTest {

    private static final SurveyDefinition SURVEY = TestSurveys.postService();
    private static final Identity EMAIL = new Identity(IdentityType.EMAIL, "ayse@example.com");
    private static final Identity PHONE = new Identity(IdentityType.PHONE, "+905551112233");
    /** 12:00 in Istanbul (UTC+3). */
    private static final Instant NOON_ISTANBUL = Instant.parse("2026-11-23T09:00:00Z");

    private final DispatchPolicy policy = new DispatchPolicy(QuietHours.DEFAULT, new CustomerTimeZones(ZoneId.of("UTC")));

    private static Invitation invitation(List<String> channels) {
        return Invitation.scheduled("00000000-0000-0000-0000-000000000001", "post-service", 1, "p1", "store-1",
                "service.completed", channels, NOON_ISTANBUL, NOON_ISTANBUL.plusSeconds(3600 * 72), NOON_ISTANBUL);
    }

    private static ProfileRecord profile(Set<Identity> ids, Set<String> optedOut, Set<String> suppressed, Instant lastInvited,
                                         String timeZone) {
        return ProfileRecord.builder("p1", NOON_ISTANBUL).identities(ids).locale("tr-TR").timeZone(timeZone)
                .optedOut(optedOut).suppressed(suppressed).lastInvitedAt(lastInvited).build();
    }

    @Test
    void decide_reachableByBoth_sendsOnTheFirstPreference() {
        assertEquals(new DispatchDecision.Send("sms", "+905551112233"), policy.decide(invitation(List.of("sms", "email")),
                profile(Set.of(EMAIL, PHONE), Set.of(), Set.of(), null, null), SURVEY, NOON_ISTANBUL, false));
    }

    @Test
    void decide_optedOutOfSms_fallsBackToEmail() {
        assertEquals(new DispatchDecision.Send("email", "ayse@example.com"), policy.decide(invitation(List.of("sms", "email")),
                profile(Set.of(EMAIL, PHONE), Set.of("sms"), Set.of(), null, null), SURVEY, NOON_ISTANBUL, false));
    }

    @Test
    void decide_optedOutAndBounced_dropsWithBothReasons() {
        assertEquals(new DispatchDecision.Drop(DispatchReason.OPTED_OUT, "opted-out:sms suppressed:email"), policy.decide(invitation(List.of("sms", "email")),
                profile(Set.of(EMAIL, PHONE), Set.of("sms"), Set.of("email"), null, null), SURVEY, NOON_ISTANBUL, false));
    }

    @Test
    void decide_invitedTenDaysAgo_isDroppedForTheCooldown() {
        DispatchDecision decision = policy.decide(invitation(List.of("email")),
                profile(Set.of(EMAIL), Set.of(), Set.of(), NOON_ISTANBUL.minusSeconds(10 * 86400), null), SURVEY, NOON_ISTANBUL, false);
        assertEquals(DispatchDecision.Drop.class, decision.getClass());
        assertEquals(true, ((DispatchDecision.Drop) decision).reason().startsWith("cooldown"));
    }

    @Test
    void decide_dailyCapReached_waitsForTheNextUtcDay() {
        assertEquals(new DispatchDecision.Defer(Instant.parse("2026-11-24T00:00:00Z"), DispatchReason.DAILY_CAP, "until the next UTC day"),
                policy.decide(invitation(List.of("email")), profile(Set.of(EMAIL), Set.of(), Set.of(), null, null), SURVEY, NOON_ISTANBUL, true));
    }

    @Test
    void decide_dailyCapReached_isDropped_whenTheDeploymentSaysSo() {
        DispatchPolicy dropping = new DispatchPolicy(QuietHours.DEFAULT, new CustomerTimeZones(ZoneId.of("UTC")), true);
        assertEquals(new DispatchDecision.Drop(DispatchReason.DAILY_CAP), dropping.decide(invitation(List.of("email")),
                profile(Set.of(EMAIL), Set.of(), Set.of(), null, null), SURVEY, NOON_ISTANBUL, true));
    }

    @Test
    void decide_noAddressOnAnyChannel_isDroppedAsUnreachable() {
        DispatchDecision decision = policy.decide(invitation(List.of("sms")), profile(Set.of(EMAIL), Set.of(), Set.of(), null, null),
                SURVEY, NOON_ISTANBUL, false);
        assertEquals(DispatchReason.NO_REACHABLE_CHANNEL, ((DispatchDecision.Drop) decision).why());
    }

    @Test
    void decide_lateEveningInTheCustomersZone_defersToNineInTheMorningThere() {
        Instant elevenPmIstanbul = Instant.parse("2026-11-23T20:00:00Z");
        DispatchDecision decision = policy.decide(invitation(List.of("email")),
                profile(Set.of(EMAIL), Set.of(), Set.of(), null, "Europe/Istanbul"), SURVEY, elevenPmIstanbul, false);
        assertEquals(new DispatchDecision.Defer(Instant.parse("2026-11-24T06:00:00Z"), DispatchReason.QUIET_HOURS, "in Europe/Istanbul"),
                decision);
    }

    @Test
    void decide_noTimeZoneOnProfile_takesItFromThePhoneNumber() {
        Instant elevenPmIstanbul = Instant.parse("2026-11-23T20:00:00Z");
        DispatchDecision decision = policy.decide(invitation(List.of("sms")),
                profile(Set.of(PHONE), Set.of(), Set.of(), null, null), SURVEY, elevenPmIstanbul, false);
        assertEquals(DispatchDecision.Defer.class, decision.getClass(), "20:00 UTC is 23:00 for a +90 number");
    }

    @Test
    void decide_afterExpiry_isDropped() {
        assertEquals(new DispatchDecision.Drop(DispatchReason.EXPIRED), policy.decide(invitation(List.of("email")),
                profile(Set.of(EMAIL), Set.of(), Set.of(), null, null), SURVEY, NOON_ISTANBUL.plusSeconds(3600 * 73), false));
    }
}
