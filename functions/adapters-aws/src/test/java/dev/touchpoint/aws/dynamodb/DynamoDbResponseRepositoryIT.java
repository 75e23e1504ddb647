package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.profile.ResponseRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbResponseRepositoryIT {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:00Z");

    private DynamoDbClient dynamo;
    private String table;
    private DynamoDbResponseRepository responses;

    @BeforeEach
    void newTable() throws Exception {
        dynamo = AwsClients.dynamoDb(EmbeddedEngines.environment());
        table = EmbeddedEngines.newTable(dynamo);
        // Answered today, as most responses are (a day before today also marks that day's stored report cells).
        responses = new DynamoDbResponseRepository(dynamo, table, java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC));
    }

    private static ResponseRecord response(String id, String profileId, int nps) {
        return new ResponseRecord(id, profileId, "ext-" + id, "sms", "store-kadikoy", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, nps), Answer.text("comment", AnswerType.TEXT, "İyi")), AT, AT, null, null);
    }

    @Test
    void record_sameResponseThreeTimes_writesAndCountsItOnce() {
        assertTrue(responses.record(response("r1", "p1", 9)));
        assertFalse(responses.record(response("r1", "p1", 9)));
        assertFalse(responses.record(response("r1", "p1", 9)));

        assertEquals(1, responses.forProfiles(List.of("p1")).size());
        assertEquals(1, reported("responses"));
        assertEquals(1, reported("npsPromoters"));
    }

    @Test
    void record_responsesOfTwoProfiles_areReadBackPerProfileInTimeOrder() {
        responses.record(response("r1", "p1", 3));
        responses.record(response("r2", "p2", 10));
        responses.record(response("r3", "p1", 8));

        List<ResponseRecord> both = responses.forProfiles(List.of("p1", "p2"));

        assertEquals(List.of("r1", "r2", "r3"), both.stream().map(ResponseRecord::responseId).toList());
        assertEquals("İyi", both.get(0).answers().get(1).text());
        assertEquals(3, reported("responses"));
        assertEquals(1, reported("npsDetractors"));
        assertEquals(1, reported("npsPassives"));
    }

    @Test
    void record_writesTheResponseAloneAsOneItem() {
        responses.record(response("r1", "p1", 9));

        List<Map<String, AttributeValue>> items = dynamo.scanPaginator(s -> s.tableName(table)).items().stream().toList();
        assertEquals(List.of("RESPONSE#r1"), items.stream().map(item -> item.get("PK").s()).toList(),
                "no counter item beside the response: reports derive counts from it");
    }

    @Test
    void countersLeftInACellByAnEarlierVersion_areNotAddedToTheDerivedOnes() {
        responses.record(response("r1", "p1", 9));
        dynamo.putItem(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS("AGGREGATE#2026-11-23"),
                "SK", AttributeValue.fromS("sms#store-kadikoy#post-service"), "channel", AttributeValue.fromS("sms"),
                "touchpoint", AttributeValue.fromS("store-kadikoy"), "surveyId", AttributeValue.fromS("post-service"),
                "responses", AttributeValue.fromN("1"), "npsPromoters", AttributeValue.fromN("1"),
                "delivered", AttributeValue.fromN("4"))));

        assertEquals(1, reported("responses"), "the old counter and the response are the same answer");
        assertEquals(1, reported("npsPromoters"));
        assertEquals(4, reported("delivered"), "funnel counters still come from the cell");
    }

    private long reported(String counter) {
        return ReportedCells.counter(dynamo, table, AggregateKey.of(AT, "sms", "store-kadikoy", "post-service"), counter);
    }
}
