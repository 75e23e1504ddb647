package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.reports.ResponseExport;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.response.ResponseRepository.ResponsePage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The day index and the due queue spread their items over several keys (one key would cap writes near
 * 1 000 a second); reports and exports must still see each of the day's responses exactly once, and
 * exports in time order, and the dispatcher the earliest due invitations of all, including items listed
 * under the unsharded key of older versions.
 */
class ShardedKeysIT {

    private static final LocalDate DAY = LocalDate.parse("2026-11-23");
    private static final Instant NOON = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    private DynamoDbClient dynamo;
    private String table;
    private DynamoDbResponseRepository responses;

    @BeforeEach
    void newTable() throws Exception {
        dynamo = DynamoDbClients.create(EmbeddedEngines.environment());
        table = EmbeddedEngines.newTable(dynamo);
        responses = new DynamoDbResponseRepository(dynamo, table, Clock.fixed(NOON, ZoneOffset.UTC));
    }

    @Test
    void aDaysResponses_areSpreadOverEveryShardOfTheDay() {
        recordDay(200);

        Set<String> keys = new HashSet<>();
        dynamo.scanPaginator(s -> s.tableName(table)).items().forEach(item -> keys.add(item.get("GSI2PK").s()));

        assertEquals(ShardedKeys.SHARDS, keys.size(), "200 responses of one day land on every shard: " + keys);
        assertTrue(keys.stream().allMatch(key -> key.startsWith("RESPONSES#2026-11-23#")), keys.toString());
    }

    @Test
    void aReport_countsEveryResponseOfTheDayOnce_shardedOrNot() {
        recordDay(200);
        listUnderTheUnshardedKey("older-1", NOON.minusSeconds(30));

        long counted = new DynamoDbAggregateReader(dynamo, table, Clock.fixed(NOON, ZoneOffset.UTC)).cells(DAY, DAY).stream()
                .mapToLong(cell -> cell.counter("responses")).sum();

        assertEquals(201, counted);
    }

    @Test
    void anExport_pagesThroughTheDayInTimeOrder_orNewestFirst_eachResponseOnce() {
        List<String> written = recordDay(137);
        listUnderTheUnshardedKey("older-1", NOON.minusSeconds(30));
        List<String> expected = new ArrayList<>(List.of("older-1"));
        expected.addAll(written);
        List<String> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);

        for (int size : List.of(1, 7, 50, 1000)) {
            assertEquals(expected, exportAll(size, false), "pages of " + size);
            assertEquals(newestFirst, exportAll(size, true), "pages of " + size + ", newest first");
        }
    }

    @Test
    void aPage_neverGoesBeyondWhatEveryShardHasShown() {
        recordDay(64);

        ResponsePage first = responses.page(DAY, null, 10);
        ResponsePage rest = responses.page(DAY, first.next(), 1000);

        assertTrue(first.responses().size() <= 10);
        List<String> both = new ArrayList<>(first.responses().stream().map(ResponseRecord::responseId).toList());
        rest.responses().forEach(r -> both.add(r.responseId()));
        assertEquals(64, new HashSet<>(both).size());
        assertEquals(64, both.size());
        assertNull(rest.next());
    }

    @Test
    void theDueQueue_givesTheEarliestDueOfAllShards_atMostTheLimit() {
        DynamoDbInvitationRepository invitations = new DynamoDbInvitationRepository(dynamo, table);
        List<String> inDueOrder = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Invitation invitation = Invitation.scheduled(UUID.nameUUIDFromBytes(("invitation " + i).getBytes(
                            StandardCharsets.UTF_8)).toString(), "post-service", 1, "p-" + i, "store",
                    "service.completed", List.of("email"), NOON.minusSeconds(3600 - i * 60L), NOON.plusSeconds(86_400), NOON);
            invitations.schedule(invitation);
            inDueOrder.add(invitation.id());
        }
        Set<String> keys = new HashSet<>();
        dynamo.scanPaginator(s -> s.tableName(table)).items().forEach(item -> keys.add(item.get("GSI2PK").s()));

        assertEquals(ShardedKeys.SHARDS, keys.size(), "40 invitations land on every shard: " + keys);
        assertEquals(inDueOrder.subList(0, 15), invitations.due(NOON, 15).stream().map(Invitation::id).toList());
        assertEquals(inDueOrder, invitations.due(NOON, 100).stream().map(Invitation::id).toList());
        assertEquals(inDueOrder.subList(0, 30), invitations.due(NOON.minusSeconds(1801), 100).stream().map(Invitation::id).toList(),
                "only what is due by then");
    }

    /**
     * Responses one second apart from noon on, returned in the order written (so in time order). Their ids
     * are name-based UUIDs, as real response ids are, so shards fill unevenly, as they do in use.
     */
    private List<String> recordDay(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.nameUUIDFromBytes(("response " + i).getBytes(StandardCharsets.UTF_8)).toString();
            Instant at = NOON.plusSeconds(i);
            responses.record(new ResponseRecord(id, "p-" + (i % 9), null, "web", "store", "post-service",
                    List.of(Answer.scored("nps", AnswerType.NPS, i % 11)), at, at, null, null));
            ids.add(id);
        }
        return ids;
    }

    /** A response as versions before the shards wrote it: listed under RESPONSES#<day>. */
    private void listUnderTheUnshardedKey(String id, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("RESPONSE#" + id));
        item.put("SK", AttributeValue.fromS("RESPONSE"));
        item.put("entity", AttributeValue.fromS("response"));
        item.put("responseId", AttributeValue.fromS(id));
        item.put("GSI2PK", AttributeValue.fromS("RESPONSES#" + DAY));
        item.put("GSI2SK", AttributeValue.fromS(SortableTime.of(at) + "#" + id));
        item.put("channel", AttributeValue.fromS("web"));
        item.put("answers", AttributeValue.fromL(List.of()));
        item.put("answeredAt", AttributeValue.fromS(at.toString()));
        item.put("receivedAt", AttributeValue.fromS(at.toString()));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    private List<String> exportAll(int size, boolean newestFirst) {
        ResponseExport export = new ResponseExport(responses);
        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ResponseExport.Page page = export.page(DAY, DAY, Optional.empty(), cursor, size, newestFirst);
            assertTrue(page.responses().size() <= size);
            page.responses().forEach(r -> ids.add(r.responseId()));
            cursor = Optional.ofNullable(page.next());
        } while (cursor.isPresent());
        return ids;
    }
}
