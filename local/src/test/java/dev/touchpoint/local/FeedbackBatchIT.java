package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many submissions in one request, from a server forwarding answers collected elsewhere: each checked
 * as {@code POST /v1/feedback} checks it, the valid ones recorded once however often the batch is sent,
 * the invalid ones named by where they are in the body, and a batch that is not one refused whole.
 */
class FeedbackBatchIT {

    private static final String BATCH = """
            {"submissions": [
              {"externalId": "app-1", "channel": "app", "touchpoint": "ios-checkout", "customer": {"email": "deniz.batch@example.com"},
               "answers": [{"questionId": "nps", "type": "nps", "value": 10}]},
              {"externalId": "app-2", "channel": "app", "customer": {"email": "not-an-email"},
               "answers": [{"questionId": "nps", "type": "nps", "value": 11}]},
              {"externalId": "app-3", "channel": "app", "customer": {"email": "deniz.batch@example.com"},
               "answers": [{"questionId": "comment", "type": "text", "value": "Ödeme çok hızlıydı"}]}
            ]}""";

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"},
                Map.of(Setting.API_KEY.variable(), "batch-key", Setting.PUBLISHABLE_KEYS.variable(), "pk_shop=http://shop.example")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static HttpResponse<String> send(String contentType, String key, String body) {
        return api.post("/v1/feedback/batch", contentType, key, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBatch_recordsTheValidSubmissions_namesTheInvalidOnes_andTwiceIsStillOnce() {
        HttpResponse<String> first = send("application/json", runtime.apiKey(), BATCH);
        assertEquals(202, first.statusCode(), first.body());
        JsonNode result = StrictJson.read(first.body());
        assertEquals(2, result.get("accepted").asInt());
        assertEquals(1, result.get("rejected").asInt());
        JsonNode results = result.get("results");
        assertEquals("accepted", results.get(0).get("status").asText());
        assertEquals("rejected", results.get(1).get("status").asText());
        assertEquals("/submissions/1/answers/0/value", results.get(1).get("errors").get(1).get("pointer").asText(), results.toString());
        assertEquals("/submissions/1/customer/email", results.get(1).get("errors").get(0).get("pointer").asText(), results.toString());
        JsonNode again = StrictJson.read(send("application/json", runtime.apiKey(), BATCH).body());
        assertEquals(results.get(0).get("id"), again.get("results").get(0).get("id"), "the same submission is the same response");

        eventually("both answers are on the profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=deniz.batch@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 2);
        FeedbackPipelineIT.drain(runtime);
        JsonNode deniz = StrictJson.read(api.get("/v1/profiles?email=deniz.batch@example.com").body());
        assertEquals(2, deniz.get("responses").size(), "a batch sent twice counts each answer once");
        assertTrue(deniz.get("responses").toString().contains("Ödeme çok hızlıydı"), deniz.toString());
    }

    /**
     * One submission of 31 holds a lone surrogate (U+DC00) in its comment: it alone is rejected,
     * naming the field; the other 30 are stored, and the answer says so.
     */
    @Test
    void aBatchWithOneUnstorableComment_rejectsThatOne_andStoresTheOthers() {
        String batch = IntStream.range(0, 31).mapToObj(i -> """
                {"externalId": "surrogate-%d", "channel": "api", "customer": {"email": "batch.surrogate@example.com"},
                 "answers": [{"questionId": "nps", "type": "nps", "value": 9}, {"questionId": "comment", "type": "text", "value": "%s"}]}"""
                .formatted(i, i == 17 ? "kırık \\udc00 geldi" : "iyi")).collect(Collectors.joining(",", "{\"submissions\": [", "]}"));

        HttpResponse<String> response = send("application/json", runtime.apiKey(), batch);

        assertEquals(202, response.statusCode(), response.body());
        JsonNode result = StrictJson.read(response.body());
        assertEquals(30, result.get("accepted").asInt());
        assertEquals(1, result.get("rejected").asInt());
        JsonNode rejected = result.get("results").get(17);
        assertEquals("rejected", rejected.get("status").asText());
        assertEquals("/submissions/17/answers/1/value", rejected.get("errors").get(0).get("pointer").asText());
        eventually("the other 30 are on the profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=batch.surrogate@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 30);
    }

    @Test
    void aBatchOfFiveHundred_isAccepted_andOneMore_isRefusedWhole() {
        assertEquals(202, send("application/json", runtime.apiKey(), submissions(500)).statusCode());
        HttpResponse<String> tooMany = send("application/json", runtime.apiKey(), submissions(501));
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("\"/submissions\""), tooMany.body());
    }

    @Test
    void whatIsNotABatch_isRefusedWithAProblem() {
        assertProblem(send("application/json", runtime.apiKey(), "{\"submissions\": []}"), 400, "invalid-request");
        assertProblem(send("application/json", runtime.apiKey(), "[{\"channel\": \"app\"}]"), 400, "invalid-request");
        assertProblem(send("application/json", runtime.apiKey(), "{\"submission\": [{}]}"), 400, "invalid-request");
        assertProblem(send("application/json", runtime.apiKey(), "{\"submissions\": [}"), 400, "malformed-json");
        assertProblem(send("text/csv", runtime.apiKey(), BATCH), 415, "unsupported-media-type");
        assertProblem(send("application/json", "wrong-key", BATCH), 401, "unauthorized");
        assertProblem(send("application/json", runtime.apiKey(), "{\"submissions\": [\"" + "a".repeat(1024 * 1024) + "\"]}"),
                413, "payload-too-large");
    }

    @Test
    void aPublishableKey_cannotSendABatch() {
        HttpResponse<String> widget = api.post("/v1/feedback/batch?publishableKey=pk_shop",
                Map.of("content-type", "application/json", "origin", "http://shop.example"), BATCH);
        assertEquals(401, widget.statusCode(), widget.body());
    }

    private static String submissions(int count) {
        return IntStream.range(0, count).mapToObj(i -> """
                {"externalId": "bulk-%d", "channel": "api", "answers": [{"questionId": "csat", "type": "csat", "value": %d}]}"""
                .formatted(i, 1 + i % 5)).collect(Collectors.joining(",", "{\"submissions\": [", "]}"));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        assertTrue(response.body().contains("urn:touchpoint:problem:" + type), response.body());
    }
}
