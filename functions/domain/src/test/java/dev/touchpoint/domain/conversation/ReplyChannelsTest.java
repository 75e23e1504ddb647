package dev.touchpoint.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.domain.customer.ProfileView;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplyChannelsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Identity EMAIL = new Identity(IdentityType.EMAIL, "ayse@example.com");
    private static final Identity PHONE = new Identity(IdentityType.PHONE, "+905551112233");
    private static final Identity WHATSAPP = new Identity(IdentityType.WHATSAPP_ID, "905551112233");

    @Test
    void withoutAConversation_emailIsPreferred_thenSms() {
        assertEquals(new ReplyChannels.Route("email", "ses"), choose(view(Set.of(EMAIL, PHONE), Set.of()), null, "web"));
        assertEquals(new ReplyChannels.Route("sms", "aws-sms"), choose(view(Set.of(PHONE), Set.of()), null, "kiosk"));
    }

    @Test
    void theAnsweredChannel_comesFirst_throughTheProviderTheCustomerUsed() {
        ProfileView view = view(Set.of(EMAIL, PHONE), Set.of(), inbound("sms", "twilio", NOW.minus(Duration.ofDays(3))));
        assertEquals(new ReplyChannels.Route("sms", "twilio"), choose(view, null, "sms"));
    }

    @Test
    void whatsapp_onlyWithinTwentyFourHoursOfTheCustomersLastMessageThere() {
        ProfileView recent = view(Set.of(PHONE, WHATSAPP), Set.of(), inbound("whatsapp", "meta", NOW.minus(Duration.ofHours(23))));
        assertEquals(new ReplyChannels.Route("whatsapp", "meta"), choose(recent, null, "whatsapp"));
        ProfileView old = view(Set.of(PHONE, WHATSAPP), Set.of(), inbound("whatsapp", "meta", NOW.minus(Duration.ofHours(25))));
        assertEquals("sms", choose(old, null, "whatsapp").channel(), "falls back to a channel that works");
        assertEquals("outside-messaging-window", refusal(old, "whatsapp"));
    }

    @Test
    void anOptedOutChannel_isSkipped_orRefusedWhenAskedFor() {
        ProfileView view = view(Set.of(EMAIL, PHONE), Set.of("sms"), inbound("sms", "aws-sms", NOW.minusSeconds(60)));
        assertEquals("email", choose(view, null, "sms").channel());
        assertEquals("opted-out", refusal(view, "sms"));
        assertEquals("no-reachable-channel", refusal(view(Set.of(PHONE), Set.of("sms")), null));
        assertEquals("no-address", refusal(view(Set.of(PHONE), Set.of()), "email"));
    }

    private static ReplyChannels.Route choose(ProfileView view, String requested, String answeredOn) {
        return ReplyChannels.choose(view.profile(), view.thread(), requested, answeredOn, NOW);
    }

    private static String refusal(ProfileView view, String requested) {
        return assertThrows(ReplyChannels.CannotReplyException.class, () -> ReplyChannels.choose(view.profile(), view.thread(), requested, null, NOW)).reason();
    }

    private static ThreadEntry inbound(String channel, String provider, Instant at) {
        return ThreadEntry.of("m-" + at.toEpochMilli(), "p1", ThreadEntry.Direction.INBOUND, channel, provider, "hello", null, at);
    }

    private static ProfileView view(Set<Identity> identities, Set<String> optedOut, ThreadEntry... thread) {
        ProfileRecord profile = ProfileRecord.builder("p1", NOW.minus(Duration.ofDays(30))).identities(identities).locale("tr-TR")
                .optedOut(optedOut).build();
        return new ProfileView(profile, List.of(), List.of(thread), List.of());
    }
}
