package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Erasure leaves nothing of the person anywhere in the table (the test scans it), and the reports still add up. */
class ErasureIT {

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), "erase-key",
                Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1", Setting.SENDER_EMAIL.variable(), "survey@shop.example")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static String everything() {
        StringBuilder all = new StringBuilder();
        runtime.dynamoDb().scanPaginator(s -> s.tableName("touchpoint")).items().forEach(item -> all.append(item).append('\n'));
        return all.toString();
    }

    @Test
    void delete_removesEveryTraceOfThePerson_keepsTheCounts_andIsThen404() throws Exception {
        assertEquals(202, api.postFeedback("""
                {"externalId":"gdpr-1","channel":"web","surveyId":"post-service","customer":{"email":"Zeynep.Erase@Example.com",
                 "name":"Zeynep Kaya","anonymousId":"cookie-erase-1"},
                 "answers":[{"questionId":"nps","type":"nps","value":3},{"questionId":"comment","type":"text","value":"Kurye kapıyı çalmadı"}]}""")
                .statusCode());
        assertEquals(202, api.postFeedback("""
                {"externalId":"gdpr-2","channel":"sms","surveyId":"post-service","customer":{"phone":"+905557654321","email":"zeynep.erase@example.com"},
                 "answers":[{"questionId":"nps","type":"nps","value":10}]}""").statusCode());
        JsonNode profile = eventually("both responses are on the profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=zeynep.erase@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 2);
        FeedbackPipelineIT.drain(runtime);
        String report = api.get("/v1/reports/summary?groupBy=survey").body();
        HttpResponse<String> export = api.get("/v1/profiles/" + profile.get("id").asText() + "/export");
        assertEquals(200, export.statusCode());
        assertEquals(true, export.headers().firstValue("content-disposition").orElse("").startsWith("attachment"));
        for (String held : List.of("zeynep.erase@example.com", "+905557654321", "Zeynep Kaya", "Kurye kapıyı çalmadı", "cookie-erase-1")) {
            assertEquals(true, export.body().contains(held), "the export holds " + held);
        }

        assertEquals(204, delete(profile.get("id").asText()).statusCode());

        String table = everything();
        for (String trace : List.of("zeynep.erase@example.com", "905557654321", "Zeynep", "Kurye kapıyı çalmadı", "cookie-erase-1", "gdpr-1",
                profile.get("id").asText())) {
            assertFalse(table.contains(trace), "left in the table: " + trace);
        }
        // The CRM knows its own externalId: the anonymous score must not be found by the id it would compute from it.
        for (String derivable : List.of("feedback:external:gdpr-1", "feedback:external:gdpr-2")) {
            assertFalse(table.contains(UUID.nameUUIDFromBytes(derivable.getBytes(StandardCharsets.UTF_8)).toString()),
                    "a response id derivable from the caller's " + derivable);
        }
        assertEquals(StrictJson.read(report).get("groups"), StrictJson.read(api.get("/v1/reports/summary?groupBy=survey").body()).get("groups"),
                "the counts stay");
        assertEquals(404, delete(profile.get("id").asText()).statusCode());
        assertEquals(404, api.get("/v1/profiles?email=zeynep.erase@example.com").statusCode());
        String to = StrictJson.read(report).get("to").asText();
        assertTrue(List.of(LocalDate.now(ZoneOffset.UTC).toString(), LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()).contains(to),
                "the report ends today (or yesterday, if it was asked before midnight): " + to);
    }

    /**
     * An erased customer had unsubscribed: her opt-out outlives her, kept under a keyed hash of her
     * address (nothing of the address itself), so the next service event naming her sends nothing; her
     * invitation forgets her; and her email's one-click unsubscribe still answers success, every time.
     */
    @Test
    void erasure_keepsTheOptOut_scrubsTheInvitation_andOneClickStillWorks() throws Exception {
        String email = "leyla.erase@example.com";
        String first = scheduled("erase-svc-1", email);
        assertNotEquals(UUID.nameUUIDFromBytes("interaction:erase-svc-1".getBytes(StandardCharsets.UTF_8)).toString(), first,
                "the invitation id is not the caller's event id, hashed in the open");
        JsonNode sent = eventually("the invitation goes out", () -> outboxFor(first), l -> !l.isEmpty()).get(0);
        Matcher link = Pattern.compile("/s/([a-z2-7]{52})").matcher(sent.get("text").asText());
        assertTrue(link.find());
        String token = link.group(1);
        assertEquals(200, unsubscribe(token).statusCode());
        JsonNode leyla = eventually("she is opted out", () -> profile(email), p -> p != null && p.get("consent").get("optedOut").size() == 1);

        assertEquals(204, delete(leyla.get("id").asText()).statusCode());

        String table = everything();
        assertFalse(table.contains(email) || table.contains(leyla.get("id").asText()), "nothing names her: " + table.lines()
                .filter(line -> line.contains(leyla.get("id").asText()) || line.contains(email)).toList());
        assertTrue(table.contains("SUPPRESSION#"), "her opt-out is kept, under a keyed hash");
        assertEquals(200, unsubscribe(token).statusCode(), "one-click after erasure: success");
        assertEquals(200, unsubscribe(token).statusCode(), "and again");

        String second = scheduled("erase-svc-2", email);
        eventually("the next invitation is dropped as opted out", () -> "DROPPED".equals(statusOf(second)));
        FeedbackPipelineIT.drain(runtime);
        assertEquals(0, outboxFor(second).size(), "an erased customer who had unsubscribed is not surveyed again");
    }

    private static String scheduled(String id, String email) {
        return api.scheduleEmailSurvey(id, email);
    }

    private static List<JsonNode> outboxFor(String invitationId) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> invitationId.equals(m.path("invitationId").asText())).toList();
    }

    private static HttpResponse<String> unsubscribe(String token) {
        return api.post("/s/" + token, "application/x-www-form-urlencoded", null, "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode profile(String email) {
        HttpResponse<String> response = api.get("/v1/profiles?email=" + email);
        return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
    }

    private static String statusOf(String invitationId) {
        Map<String, AttributeValue> item = runtime.dynamoDb().getItem(g -> g.tableName("touchpoint").key(Map.of(
                "PK", AttributeValue.fromS("INVITATION#" + invitationId), "SK", AttributeValue.fromS("INVITATION")))).item();
        return item == null || item.isEmpty() ? "none" : item.get("status").s();
    }

    private static HttpResponse<String> delete(String id) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/profiles/" + id))
                .header("x-api-key", runtime.apiKey()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }
}
