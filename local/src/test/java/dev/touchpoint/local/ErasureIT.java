package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.json.StrictJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Erasure leaves nothing of the person anywhere in the table (the test scans it), and the reports still add up. */
class ErasureIT {

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of("TOUCHPOINT_API_KEY", "erase-key")));
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
        for (String trace : List.of("zeynep.erase@example.com", "905557654321", "Zeynep", "Kurye kapıyı çalmadı", "cookie-erase-1", "gdpr-1")) {
            assertFalse(table.contains(trace), "left in the table: " + trace);
        }
        assertEquals(StrictJson.read(report).get("groups"), StrictJson.read(api.get("/v1/reports/summary?groupBy=survey").body()).get("groups"),
                "the counts stay");
        assertEquals(404, delete(profile.get("id").asText()).statusCode());
        assertEquals(404, api.get("/v1/profiles?email=zeynep.erase@example.com").statusCode());
        String to = StrictJson.read(report).get("to").asText();
        assertTrue(List.of(LocalDate.now(ZoneOffset.UTC).toString(), LocalDate.now(ZoneOffset.UTC).minusDays(1).toString()).contains(to),
                "the report ends today (or yesterday, if it was asked before midnight): " + to);
    }

    private static HttpResponse<String> delete(String id) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/profiles/" + id))
                .header("x-api-key", runtime.apiKey()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }
}
