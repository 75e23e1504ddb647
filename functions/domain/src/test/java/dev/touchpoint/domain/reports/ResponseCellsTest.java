package dev.touchpoint.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.response.ResponseRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseCellsTest {

    private static final Instant AT = Instant.parse("2026-11-23T23:59:59Z");

    private static ResponseRecord response(String id, String channel, String invitationChannel, Answer... answers) {
        return new ResponseRecord(id, "p1", null, channel, "store-1", "post-service", List.of(answers),
                AT, AT, invitationChannel == null ? null : "inv-" + id, invitationChannel);
    }

    @Test
    void responses_addTheirAnswersToTheirOwnCell_andRespondedToTheCellTheInvitationWentOutOn() {
        List<AggregateCell> cells = new ResponseCells()
                .add(response("r1", "sms", null, Answer.scored("nps", AnswerType.NPS, 10), Answer.scored("ces", AnswerType.CES, 6)))
                .add(response("r2", "sms", null, Answer.scored("nps", AnswerType.NPS, 3)))
                .add(response("r3", "web", "email", Answer.scored("nps", AnswerType.NPS, 8)))
                .add(new AggregateCell(AggregateKey.of(AT, "email", "store-1", "post-service"), Map.of("delivered", 2L)))
                .cells();

        AggregateCell sms = cell(cells, "sms");
        assertEquals(2, sms.counter("responses"));
        assertEquals(1, sms.counter("npsPromoters"));
        assertEquals(1, sms.counter("npsDetractors"));
        assertEquals(6, sms.counter("cesSum"));
        assertEquals(1, cell(cells, "web").counter("npsPassives"));
        assertEquals(0, cell(cells, "web").counter("responded"));
        assertEquals(1, cell(cells, "email").counter("responded"));
        assertEquals(2, cell(cells, "email").counter("delivered"));
        assertEquals(0, cell(cells, "email").counter("responses"), "the answer counts where it was given");
        assertEquals(LocalDate.of(2026, 11, 23), sms.key().day(), "a UTC day");
    }

    private static AggregateCell cell(List<AggregateCell> cells, String channel) {
        return cells.stream().filter(c -> c.key().channel().equals(channel)).findFirst().orElseThrow();
    }
}
