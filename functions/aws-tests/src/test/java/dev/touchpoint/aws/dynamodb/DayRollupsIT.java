package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.delivery.DeliveryEvent;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
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

/** A settled day's report cells are folded once and reused, and any later write to that day is counted. */
class DayRollupsIT {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate SETTLED = LocalDate.of(2026, 11, 20);

    private ReportFixture fixture;

    @BeforeEach
    void newTable() throws Exception {
        fixture = new ReportFixture(NOW);
    }

    private static ResponseRecord answeredOn(LocalDate day, String id, int nps) {
        Instant at = day.atTime(18, 30).toInstant(ZoneOffset.UTC);
        return new ResponseRecord(id, "p-" + id, null, "paper", "store-1", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, nps)), at, NOW, null, null);
    }



    @Test
    void aSettledDay_isFoldedFromItsResponsesOnce_thenReadFromItsStoredCells() {
        fixture.responses.record(answeredOn(SETTLED, "r1", 9));
        fixture.responses.record(answeredOn(SETTLED, "r2", 3));
        assertEquals(2, paperResponsesOn(SETTLED), "just written: folded, not stored");
        fixture.hideFromTheDayIndex("r2");
        assertEquals(1, paperResponsesOn(SETTLED), "still folded from the index while the last change is under a minute old");

        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(SETTLED));
        fixture.hideFromTheDayIndex("r1");

        assertEquals(1, paperResponsesOn(SETTLED), "the stored cells answer now, not the index");
    }

    @Test
    void aLateResponse_toADayWhoseCellsAreStored_isCountedAtOnce() {
        fixture.responses.record(answeredOn(SETTLED, "r1", 9));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(SETTLED));

        fixture.responses.record(answeredOn(SETTLED, "r2", 10));

        assertEquals(2, paperResponsesOn(SETTLED), "the late write made the stored cells out of date");
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, paperResponsesOn(SETTLED));
    }

    @Test
    void aRedeliveredLateResponse_marksItsDayAgain_soAStopBetweenTheTwoWritesHeals() {
        fixture.responses.record(answeredOn(SETTLED, "r1", 9));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(SETTLED), "cells stored with r1");
        // As if r2's put had landed and its processor stopped before marking the day:
        fixture.dynamo.putItem(p -> p.tableName(fixture.table).item(Map.of("PK", AttributeValue.fromS("RESPONSE#r2"), "SK", AttributeValue.fromS("RESPONSE"),
                "GSI2PK", AttributeValue.fromS("RESPONSES#" + SETTLED),
                "GSI2SK", AttributeValue.fromS(SortableTime.of(SETTLED.atTime(9, 0).toInstant(ZoneOffset.UTC)) + "#r2"),
                "responseId", AttributeValue.fromS("r2"), "channel", AttributeValue.fromS("paper"),
                "answers", AttributeValue.fromL(List.of()), "answeredAt", AttributeValue.fromS(SETTLED.atTime(9, 0).toInstant(ZoneOffset.UTC).toString()),
                "receivedAt", AttributeValue.fromS(NOW.toString()))));
        assertEquals(1, paperResponsesOn(SETTLED), "not yet counted: the day was not marked");

        assertFalse(fixture.responses.record(answeredOn(SETTLED, "r2", 9)), "the redelivery finds it stored");

        assertEquals(2, paperResponsesOn(SETTLED));
    }

    @Test
    void todayAndYesterday_keepNoCellsForTheWholeDay() {
        LocalDate yesterday = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(1);
        fixture.responses.record(answeredOn(yesterday, "r1", 9));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, paperResponsesOn(yesterday));

        Map<String, AttributeValue> rollup = fixture.dynamo.getItem(g -> g.tableName(fixture.table).key(Map.of(
                "PK", AttributeValue.fromS("ROLLUP#" + yesterday), "SK", AttributeValue.fromS("ROLLUP")))).item();
        assertTrue(rollup == null || !rollup.containsKey("cells"), "no cells stored for a day still taking normal answers (its settled hours keep theirs: HourRollupsIT)");
    }

    @Test
    void aReportOverMoreSettledDaysThanOneBatchRead_readsEveryDaysStoredCellsInTwoCalls() throws Exception {
        LocalDate last = SETTLED;
        LocalDate first = last.minusDays(129);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            fixture.responses.record(answeredOn(day, "r-" + day, 9));
        }
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(130, fixture.paperResponses(first, last), "folded from the index, and stored");
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            fixture.hideFromTheDayIndex("r-" + day);
        }

        // 130 days are two batched reads of the stored items (100 keys at most each), not 130 reads.
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        DynamoDbAggregateReader counted = new DynamoDbAggregateReader(ReportFixture.countingCalls(calls), fixture.table, fixture.clock);
        long counted130 = counted.cells(first, last).stream().filter(cell -> cell.key().channel().equals("paper"))
                .mapToLong(cell -> cell.counter("responses")).sum();
        assertEquals(130, counted130, "every day from its stored cells");
        assertEquals(2, calls.getOrDefault("BatchGetItemRequest", 0), calls.toString());
        assertEquals(0, calls.getOrDefault("GetItemRequest", 0), calls.toString());
        assertEquals(0, calls.getOrDefault("QueryRequest", 0), "not even a day's funnel counters: they are kept too; " + calls);
        assertEquals(1, fixture.paperResponses(first.plusDays(100), first.plusDays(100)), "a day of the second batch alone");
    }

    @Test
    void aSettledDaysFunnelCounters_areKeptWithItsResponses() {
        AggregateKey cell = AggregateKey.of(SETTLED.atTime(9, 0).toInstant(ZoneOffset.UTC), "email", "store-1", "post-service");
        new DynamoDbFunnelCounters(fixture.dynamo, fixture.table, fixture.clock).add(cell, FunnelCounters.INVITED);
        fixture.responses.record(answeredOn(SETTLED, "r1", 9));
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, invitedOn(SETTLED), "folded: read from its counter");

        fixture.dynamo.deleteItem(d -> d.tableName(fixture.table).key(AggregateCells.key(cell)));

        assertEquals(1, invitedOn(SETTLED), "kept: the stored cells answer, not the counter");
        assertEquals(1, paperResponsesOn(SETTLED));
    }

    /** A day kept before its funnel counters were kept with it holds its cells as {@code cells}: not trusted, folded again. */
    @Test
    void aDayKeptWithoutItsFunnel_isFoldedAgain() {
        fixture.responses.record(answeredOn(SETTLED, "r1", 9));
        fixture.clock.advance(Duration.ofMinutes(2));
        fixture.dynamo.putItem(p -> p.tableName(fixture.table).item(Map.of("PK", AttributeValue.fromS("ROLLUP#" + SETTLED),
                "SK", AttributeValue.fromS("ROLLUP"), "cellsVersion", AttributeValue.fromN("0"), "cells", AttributeValue.fromL(List.of(
                        AttributeValue.fromM(Map.of("channel", AttributeValue.fromS("paper"), "touchpoint", AttributeValue.fromS("store-1"),
                                "surveyId", AttributeValue.fromS("post-service"), "counters", AttributeValue.fromM(Map.of(
                                        "responses", AttributeValue.fromN("5"))))))))));

        assertEquals(1, paperResponsesOn(SETTLED), "folded from the index, not the old cells' 5");
    }

    /** An email opened days after it was sent is counted on the day it was opened; if that day is over, it marks it. */
    @Test
    void aLateDeliveryReport_toADayWhoseCellsAreStored_isCountedAtOnce() {
        AggregateKey cell = AggregateKey.of(SETTLED.atTime(9, 0).toInstant(ZoneOffset.UTC), "email", "store-1", "post-service");
        DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(fixture.dynamo, fixture.table, fixture.clock);
        ledger.countOnce("ses-1", DeliveryEvent.Kind.OPENED, cell, FunnelCounters.OPENED);
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, openedOn(SETTLED), "cells stored with one open");

        ledger.countOnce("ses-2", DeliveryEvent.Kind.OPENED, cell, FunnelCounters.OPENED);
        assertFalse(ledger.countOnce("ses-2", DeliveryEvent.Kind.OPENED, cell, FunnelCounters.OPENED), "a redelivered report counts nothing");

        assertEquals(2, openedOn(SETTLED), "the late report made the stored cells out of date");
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(2, openedOn(SETTLED));
    }

    @Test
    void aFunnelCounterOfADayAlreadyOver_marksThatDay() {
        AggregateKey cell = AggregateKey.of(SETTLED.atTime(23, 59).toInstant(ZoneOffset.UTC), "sms", "store-1", "post-service");
        DynamoDbFunnelCounters funnel = new DynamoDbFunnelCounters(fixture.dynamo, fixture.table, fixture.clock);
        funnel.add(cell, FunnelCounters.INVITED);
        fixture.clock.advance(Duration.ofMinutes(2));
        assertEquals(1, invitedOn(SETTLED));

        funnel.add(cell, FunnelCounters.INVITED);

        assertEquals(2, invitedOn(SETTLED));
    }

    private long invitedOn(LocalDate day) {
        return counted(day, FunnelCounters.INVITED);
    }

    private long openedOn(LocalDate day) {
        return counted(day, FunnelCounters.OPENED);
    }

    private long counted(LocalDate day, String counter) {
        return fixture.reports.cells(day, day).stream().mapToLong(cell -> cell.counter(counter)).sum();
    }

    private long paperResponsesOn(LocalDate day) {
        return fixture.paperResponses(day, day);
    }
}
