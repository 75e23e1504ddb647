package dev.touchpoint.domain.response;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A batch's alerts go out with their messages' acknowledgements: a failed message's alert waits for its redelivery. */
class HeldDetractorAlertsTest {

    private final List<DetractorAlerts.DetractorAlert> sent = new ArrayList<>();

    @Test
    void onlyTheHandledMessagesAlertsAreRaised_aFailedOnesAreLeftToItsRedelivery() {
        DetractorAlerts.Held held = new DetractorAlerts(sent::add).held();
        held.of("handled").check(detractor("r-handled"));
        held.of("failed").check(detractor("r-failed"));

        Set<String> unraised = held.raise(Set.of("handled"));

        assertEquals(Set.of(), unraised);
        assertEquals(List.of("r-handled"), sent.stream().map(DetractorAlerts.DetractorAlert::responseId).toList());
        assertEquals(Set.of(), held.raise(Set.of("handled", "failed")), "nothing is kept for a later batch");
        assertEquals(1, sent.size());
    }

    @Test
    void aHandledMessageWhoseAlertIsRefused_isNamed() {
        DetractorAlerts.Held held = new DetractorAlerts(alert -> {
            throw new IllegalStateException("queue refused");
        }).held();
        held.of("m1").check(detractor("r1"));

        assertEquals(Set.of("m1"), held.raise(Set.of("m1")));
    }

    private static ResponseRecord detractor(String responseId) {
        Instant at = Instant.parse("2026-11-24T10:00:00Z");
        return new ResponseRecord(responseId, "p1", null, "web", "store", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 3)), at, at, null, null);
    }
}
