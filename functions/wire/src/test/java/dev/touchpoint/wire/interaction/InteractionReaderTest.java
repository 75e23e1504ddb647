package dev.touchpoint.wire.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.interaction.ServiceInteraction;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/interactions}' body read, and written back as the queue carries it. */
class InteractionReaderTest {

    private final InteractionReader reader = new InteractionReader(new IdentityNormalizer("TR"),
            Clock.fixed(Instant.parse("2026-12-08T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void anInteraction_roundTrips_throughTheQueuesShape() {
        ServiceInteraction interaction = reader.read(StrictJson.read("""
                {"id":"svc-1001","type":"service.completed","occurredAt":"2026-12-08T09:15:00+03:00",
                 "customer":{"email":"Ayse@Example.com"},"delaySeconds":3600,"channels":["email"]}"""));
        assertEquals(interaction, reader.read(InteractionReader.write(interaction)));
    }

    /** A null time was taken for a given one and failed building the interaction; it is a missing field. */
    @Test
    void aNullTime_isNamedAsMissing() {
        List<String> pointers = assertThrows(InvalidSubmissionException.class, () -> reader.read(StrictJson.read("""
                {"id":"svc-1002","type":"service.completed","occurredAt":null,"customer":{"phone":"+905551112233"}}""")))
                .errors().stream().map(FieldError::pointer).toList();
        assertEquals(List.of("/occurredAt"), pointers);
    }
}
