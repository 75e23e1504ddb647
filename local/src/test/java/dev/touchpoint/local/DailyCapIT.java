package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The deployment's daily cap, here one invitation a UTC day: what it stops waits for the next UTC day,
 * with its reason on the customer's timeline, instead of being dropped.
 */
class DailyCapIT {

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "cap-key", Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1", Setting.DAILY_SEND_CAP.variable(), "1")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static String scheduled(String id, String email) {
        return api.scheduleEmailSurvey(id, email);
    }

    private static Map<String, AttributeValue> item(String invitationId) {
        return runtime.dynamoDb().getItem(g -> g.tableName("touchpoint").key(Map.of(
                "PK", AttributeValue.fromS("INVITATION#" + invitationId), "SK", AttributeValue.fromS("INVITATION")))).item();
    }

    @Test
    void theDaysCap_defersTheRestToTheNextUtcDay_withItsReason() {
        List<String> ids = List.of(scheduled("cap-1", "cap.one@example.com"), scheduled("cap-2", "cap.two@example.com"));
        eventually("one is sent and one waits for the cap", () -> ids.stream().map(DailyCapIT::item)
                .filter(i -> i != null && !i.isEmpty()).filter(i -> i.containsKey("reason") || "SENT".equals(i.get("status").s())).count() == 2);

        Map<String, AttributeValue> waiting = ids.stream().map(DailyCapIT::item).filter(i -> !"SENT".equals(i.get("status").s()))
                .findFirst().orElseThrow();
        assertEquals("PENDING", waiting.get("status").s(), "deferred, not dropped");
        assertTrue(waiting.get("reason").s().startsWith("daily-cap"), waiting.get("reason").s());
        Instant dueAt = Instant.parse(waiting.get("dueAt").s());
        assertEquals(LocalDate.ofInstant(dueAt, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant(), dueAt,
                "due again when the next UTC day's cap opens: at midnight UTC");
        assertTrue(dueAt.isAfter(Instant.now()) && dueAt.isBefore(Instant.now().plus(java.time.Duration.ofDays(1))), dueAt.toString());
        JsonNode report = StrictJson.read(api.get("/v1/reports/summary?groupBy=channel").body());
        assertEquals(1, report.get("groups").get(0).get("decisions").get("deferred").get("daily-cap").asLong());
    }
}
