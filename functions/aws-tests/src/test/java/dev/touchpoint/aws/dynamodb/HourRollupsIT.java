package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.response.ResponseRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Today's and yesterday's reports keep the cells of their settled hours (ended over five minutes ago)
 * and then of the ten-minute slots after them, so a busy day is not read whole on every report, nor
 * its last hour; any later write to such an hour or slot is still counted, and a
 * response written in the hour it was answered costs no extra write.
 */
class HourRollupsIT {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private ReportFixture fixture;

    @BeforeEach
    void newTable() throws Exception {
        fixture = new ReportFixture(NOW);
    }

    @Test
    void aSettledHourOfToday_isFoldedOnce_thenReadFromItsStoredCells() {
        fixture.responses.record(answeredAt("09:10", "r1"));
        fixture.responses.record(answeredAt("09:50", "r2"));
        assertEquals(2, paperResponsesOn(TODAY), "just written: folded, not stored");
        fixture.hideFromTheDayIndex("r2");
        assertEquals(1, paperResponsesOn(TODAY), "still folded from the index while the hour's last change is under a minute old");

        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(TODAY));
        fixture.hideFromTheDayIndex("r1");

        assertEquals(1, paperResponsesOn(TODAY), "the hour's stored cells answer now, not the index");
    }

    @Test
    void aLateAnswer_toAnHourWhoseCellsAreStored_isCountedAtOnce() {
        fixture.responses.record(answeredAt("09:10", "r1"));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(TODAY));

        fixture.responses.record(answeredAt("09:45", "r2"));

        assertEquals(2, paperResponsesOn(TODAY), "the late write made the hour's cells out of date");
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, paperResponsesOn(TODAY));
    }

    @Test
    void theLastMinutes_areAlwaysFoldedFromTheIndex() {
        fixture.responses.record(answeredAt("11:56", "r1"));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(TODAY));
        fixture.hideFromTheDayIndex("r1");

        assertEquals(0, paperResponsesOn(TODAY), "ten minutes that ended under five minutes ago keep no cells");
    }

    @Test
    void tenMinutesOfTheLastHour_areFoldedOnce_thenReadFromTheirStoredCells_forADay() {
        fixture.responses.record(answeredAt("11:12", "r1"));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(TODAY), "11:00 ended two minutes ago: its hour keeps nothing yet");
        fixture.hideFromTheDayIndex("r1");

        assertEquals(1, paperResponsesOn(TODAY), "11:10 to 11:20 answers from its stored cells");
        Map<String, AttributeValue> slot = rollup("2026-11-23T11:10");
        assertEquals(Instant.parse("2026-11-24T11:10:00Z").getEpochSecond(), Long.parseLong(slot.get(TouchpointTable.TTL_ATTRIBUTE).n()),
                "a slot's item expires a day on");
        assertEquals(false, rollup("2026-11-23T11").containsKey("cells"), "its hour keeps nothing until 12:05");
    }

    @Test
    void anHourThatEndedOverFiveMinutesAgo_keepsItsCellsAsAnHour() {
        fixture.responses.record(answeredAt("11:12", "r1"));
        fixture.clock.advance(Duration.ofMinutes(6));
        assertEquals(1, paperResponsesOn(TODAY));
        fixture.hideFromTheDayIndex("r1");

        assertEquals(1, paperResponsesOn(TODAY));
        assertEquals(true, rollup("2026-11-23T11").containsKey("cells"), "kept as its hour");
        assertEquals(Instant.parse("2026-11-27T11:00:00Z").getEpochSecond(),
                Long.parseLong(rollup("2026-11-23T11").get(TouchpointTable.TTL_ATTRIBUTE).n()), "an hour's item expires four days on");
    }

    /** When its hour ends, the hour is made of its kept ten minutes: the first report after it does not fold it whole. */
    @Test
    void anHourJustEnded_isMadeOfItsKeptTenMinutes_andOnlyTheOthersAreFolded() throws Exception {
        ReportFixture at1150 = new ReportFixture(Instant.parse("2026-11-23T11:50:00Z"));
        at1150.responses.record(answeredAt("11:05", "r1"));
        at1150.responses.record(answeredAt("11:25", "r2"));
        at1150.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, at1150.paperResponses(TODAY, TODAY), "11:00 to 11:50 kept ten minutes by ten minutes");
        at1150.hideFromTheDayIndex("r1");
        at1150.hideFromTheDayIndex("r2");
        at1150.responses.record(answeredAt("11:55", "r3"));

        at1150.clock.advance(Duration.ofMinutes(14));
        assertEquals(3, at1150.paperResponses(TODAY, TODAY), "the hour: five kept ten minutes and 11:50 folded");
        at1150.hideFromTheDayIndex("r3");
        assertEquals(3, at1150.paperResponses(TODAY, TODAY), "and the hour kept as made");
    }

    /** Ten minutes older than the writers still mark could miss a late answer: an hour that old is folded whole. */
    @Test
    void anHourWhoseTenMinutesWritersNoLongerMark_isFoldedFromTheIndex() throws Exception {
        ReportFixture at1150 = new ReportFixture(Instant.parse("2026-11-23T11:50:00Z"));
        at1150.responses.record(answeredAt("11:05", "r1"));
        at1150.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, at1150.paperResponses(TODAY, TODAY));
        at1150.hideFromTheDayIndex("r1");

        at1150.clock.advance(Duration.ofHours(3));
        assertEquals(0, at1150.paperResponses(TODAY, TODAY), "folded from the index, where r1 no longer shows");
    }

    @Test
    void aLateAnswer_toTenMinutesWhoseCellsAreStored_isCountedAtOnce() {
        fixture.responses.record(answeredAt("11:12", "r1"));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(TODAY));

        fixture.responses.record(answeredAt("11:15", "r2"));

        assertEquals(2, paperResponsesOn(TODAY), "the late write made the slot's cells out of date");
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, paperResponsesOn(TODAY));
        fixture.hideFromTheDayIndex("r1");
        fixture.hideFromTheDayIndex("r2");
        assertEquals(2, paperResponsesOn(TODAY), "stored again once the late write had settled");
    }

    @Test
    void yesterdaysHours_areKeptToo_andAReportAddsKeptAndFoldedHours() {
        LocalDate yesterday = TODAY.minusDays(1);
        Instant evening = yesterday.atTime(18, 30).toInstant(ZoneOffset.UTC);
        fixture.responses.record(response("y1", evening));
        fixture.responses.record(answeredAt("11:30", "t1"));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(yesterday));
        fixture.hideFromTheDayIndex("y1");

        assertEquals(1, paperResponsesOn(yesterday), "yesterday's settled hour answers from its cells");
        assertEquals(2, fixture.paperResponses(yesterday, TODAY));
    }

    /** From 00:05 every hour of yesterday keeps its cells: a report of it then queries nothing of the day index. */
    @Test
    void yesterdayWithEveryHourKept_isReadWithoutAQueryOfTheDayIndex() throws Exception {
        LocalDate yesterday = TODAY.minusDays(1);
        fixture.responses.record(response("y1", yesterday.atTime(23, 30).toInstant(ZoneOffset.UTC)));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(yesterday), "folded, and its hours stored");

        Map<String, Integer> calls = new ConcurrentHashMap<>();
        long counted = new DynamoDbAggregateReader(ReportFixture.countingCalls(calls), fixture.table, fixture.clock)
                .cells(yesterday, yesterday).stream().filter(cell -> cell.key().channel().equals("paper"))
                .mapToLong(cell -> cell.counter("responses")).sum();

        assertEquals(1, counted);
        assertEquals(0, calls.getOrDefault("QueryRequest:" + TouchpointTable.GSI2, 0), "its 24 kept hours leave nothing to fold: " + calls);
    }

    @Test
    void aResponseWrittenInTheTenMinutesItWasAnswered_marksNothing() {
        fixture.clock.advance(Duration.ofMinutes(39));
        fixture.responses.record(answeredAt("12:30", "r1"));

        List<String> rollups = fixture.dynamo.scanPaginator(s -> s.tableName(fixture.table)).items().stream()
                .map(item -> item.get("PK").s()).filter(pk -> pk.startsWith("ROLLUP#")).toList();
        assertEquals(List.of(), rollups, "a response on time costs its put alone");
    }

    private static ResponseRecord answeredAt(String time, String id) {
        return response(id, Instant.parse(TODAY + "T" + time + ":00Z"));
    }

    private static ResponseRecord response(String id, Instant at) {
        return new ResponseRecord(id, "p-" + id, null, "paper", "store-1", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 9)), at, at, null, null);
    }



    private Map<String, AttributeValue> rollup(String period) {
        return fixture.dynamo.getItem(g -> g.tableName(fixture.table).key(Map.of("PK", AttributeValue.fromS("ROLLUP#" + period),
                "SK", AttributeValue.fromS("ROLLUP")))).item();
    }

    private long paperResponsesOn(LocalDate day) {
        return fixture.paperResponses(day, day);
    }
}
