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
        responses = new DynamoDbResponseRepository(dynamo, table);
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
        Map<String, AttributeValue> cell = aggregate();
        assertEquals("1", cell.get("responses").n());
        assertEquals("1", cell.get("npsPromoters").n());
    }

    @Test
    void record_responsesOfTwoProfiles_areReadBackPerProfileInTimeOrder() {
        responses.record(response("r1", "p1", 3));
        responses.record(response("r2", "p2", 10));
        responses.record(response("r3", "p1", 8));

        List<ResponseRecord> both = responses.forProfiles(List.of("p1", "p2"));

        assertEquals(List.of("r1", "r2", "r3"), both.stream().map(ResponseRecord::responseId).toList());
        assertEquals("İyi", both.get(0).answers().get(1).text());
        Map<String, AttributeValue> cell = aggregate();
        assertEquals("3", cell.get("responses").n());
        assertEquals("1", cell.get("npsDetractors").n());
        assertEquals("1", cell.get("npsPassives").n());
    }

    private Map<String, AttributeValue> aggregate() {
        return dynamo.getItem(g -> g.tableName(table).key(DynamoDbResponseRepository.aggregateKey(
                AggregateKey.of(AT, "sms", "store-kadikoy", "post-service")))).item();
    }
}
