package dev.touchpoint.domain.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentObject;
import dev.touchpoint.domain.validation.SentTexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service event as a CRM sends it, judged before anything is scheduled from it. */
class InteractionCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private final InteractionCheck check = new InteractionCheck(new IdentityNormalizer("TR"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCompletedService_becomesAnInteraction_normalised() {
        ServiceInteraction interaction = check.check(draft(Sent.text("2026-12-08T09:15:00+03:00"), customer("0532 111 22 33"),
                new SentTexts(true, List.of("sms", "email"))));

        assertEquals("svc-1001", interaction.id());
        assertEquals(Instant.parse("2026-12-08T06:15:00Z"), interaction.occurredAt());
        assertEquals("store-kadikoy", interaction.touchpoint());
        assertEquals("+905321112233", interaction.customer().identities().get(0).value());
        assertEquals(Duration.ofHours(1), interaction.delay());
        assertEquals(List.of("sms", "email"), interaction.channels());
    }

    @Test
    void anEventWithoutItsTime_orNobodyToAsk_orUnknownChannels_isRefused_eachNamed() {
        InteractionDraft draft = draft(Sent.ABSENT, SentObject.of(List.of(), Map.of("name", Sent.text("Ayşe"))),
                new SentTexts(true, List.of("sms", "fax")));

        List<String> pointers = assertThrows(InvalidSubmissionException.class, () -> check.check(draft)).errors().stream()
                .map(FieldError::pointer).toList();

        assertEquals(List.of("/occurredAt", "/customer", "/channels"), pointers);
    }

    private static InteractionDraft draft(Sent occurredAt, SentObject customer, SentTexts channels) {
        return new InteractionDraft(List.of(), Sent.text("svc-1001"), Sent.text("service.completed"), occurredAt,
                Sent.text("Store-Kadikoy"), customer, Sent.ABSENT, new Sent.Whole(3600), channels);
    }

    private static SentObject customer(String phone) {
        return SentObject.of(List.of(), Map.of("phone", Sent.text(phone)));
    }
}
