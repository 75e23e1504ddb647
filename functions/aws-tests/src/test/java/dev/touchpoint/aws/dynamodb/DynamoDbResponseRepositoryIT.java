package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.response.ResponseRecord;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

class DynamoDbResponseRepositoryIT {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:00Z");

    private DynamoDbClient dynamo;
    private String table;
    private DynamoDbResponseRepository responses;

    @BeforeEach
    void newTable() throws Exception {
        dynamo = DynamoDbClients.create(EmbeddedEngines.environment());
        table = EmbeddedEngines.newTable(dynamo);
        // Answered today, as most responses are (a day before today also marks that day's stored report cells).
        responses = new DynamoDbResponseRepository(dynamo, table, Clock.fixed(AT, ZoneOffset.UTC));
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

    @Test
    void aResponse_readsBackAsRecorded_itsIdProfileAndTimeTakenFromItsKeys() {
        Instant answered = Instant.parse("2026-11-23T10:15:00.123456789Z");
        ResponseRecord named = new ResponseRecord("r1", "p1", "ext-r1", "sms", "store-kadikoy", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 9)), answered, AT, null, null);
        ResponseRecord anonymous = new ResponseRecord("r2", null, null, "kiosk", "store-kadikoy", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 4)), answered, AT, null, null);
        responses.record(named);
        responses.record(anonymous);

        assertEquals(named, responses.find("r1").orElseThrow());
        assertEquals(anonymous, responses.find("r2").orElseThrow());
        assertNull(responses.find("r2").orElseThrow().profileId(), "an anonymous response belongs to no profile");
    }

    @Test
    void aResponseWrittenByAnEarlierVersion_withItsIdProfileAndTimeAsAttributes_readsTheSame() {
        Instant answered = Instant.parse("2026-11-23T10:15:00.5Z");
        Map<String, AttributeValue> item = new HashMap<>();
        item.putAll(Map.of("PK", AttributeValue.fromS("RESPONSE#r9"), "SK", AttributeValue.fromS("RESPONSE"),
                "entity", AttributeValue.fromS("response"), "responseId", AttributeValue.fromS("r9"), "profileId", AttributeValue.fromS("p9")));
        item.putAll(Map.of("GSI1PK", AttributeValue.fromS("PROFILE#p9"), "GSI1SK", AttributeValue.fromS("RESPONSE#" + SortableTime.of(answered) + "#r9"),
                "GSI2PK", AttributeValue.fromS("RESPONSES#2026-11-23"), "GSI2SK", AttributeValue.fromS(SortableTime.of(answered) + "#r9")));
        item.putAll(Map.of("channel", AttributeValue.fromS("sms"), "answers", AttributeValue.fromL(List.of()),
                "answeredAt", AttributeValue.fromS(answered.toString()), "receivedAt", AttributeValue.fromS(AT.toString())));
        dynamo.putItem(p -> p.tableName(table).item(item));

        ResponseRecord read = responses.find("r9").orElseThrow();

        assertEquals(List.of("r9", "p9", answered.toString()), List.of(read.responseId(), read.profileId(), read.answeredAt().toString()));
        assertEquals(List.of("r9"), responses.forProfiles(List.of("p9")).stream().map(ResponseRecord::responseId).toList());
    }

    /**
     * What a response costs: DynamoDB bills a write unit per KB of the item on the table and again on each
     * index projecting it. A known customer's answer with a comment of up to about 500 bytes stays at 3.
     */
    @Test
    void aKnownCustomersResponse_withA500ByteComment_costsThreeWriteUnits_aLongerOneSix() throws Exception {
        List<Double> units = new ArrayList<>();
        DynamoDbClient metered = meteredClient(units);
        DynamoDbResponseRepository meteredResponses = new DynamoDbResponseRepository(metered, table,
                Clock.fixed(AT, ZoneOffset.UTC));

        meteredResponses.record(commented(500));
        meteredResponses.record(commented(700));

        assertEquals(List.of(3.0, 6.0), units);
    }

    /** A web response as the processor writes it: name-based UUIDs, a CRM's id, one NPS score and a comment. */
    private static ResponseRecord commented(int commentBytes) {
        return new ResponseRecord(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "crm-4711-" + commentBytes,
                "web", "store-kadikoy", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 6), Answer.text("comment", AnswerType.TEXT, "x".repeat(commentBytes))),
                AT, AT, null, null);
    }

    /** A client that asks DynamoDB Local what each put consumed, as the bench's meter does. */
    private static DynamoDbClient meteredClient(List<Double> units) throws Exception {
        ExecutionInterceptor meter = new ExecutionInterceptor() {
            @Override
            public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
                return context.request() instanceof PutItemRequest put
                        ? put.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build() : context.request();
            }

            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.response() instanceof PutItemResponse put) {
                    units.add(put.consumedCapacity().capacityUnits());
                }
            }
        };
        return DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(URI.create(EmbeddedEngines.environment().required("AWS_ENDPOINT_URL_DYNAMODB")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(meter)).build();
    }

    private long reported(String counter) {
        return ReportedCells.counter(dynamo, table, AggregateKey.of(AT, "sms", "store-kadikoy", "post-service"), counter);
    }
}
