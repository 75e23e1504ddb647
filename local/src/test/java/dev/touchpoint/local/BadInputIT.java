package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Each kind of bad request gets its precise 4xx as {@code application/problem+json}, never a 5xx, and
 * leaves no trace: nothing reaches the queue, the table or the DLQ.
 */
class BadInputIT {

    private static final String KEY = "bad-input-test-key";
    private static final String VALID = """
            {"channel":"web","customer":{"email":"a@example.com"},"answers":[{"questionId":"nps","type":"nps","value":9}]}""";

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), KEY)));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "application/json", KEY, bytes("{\"channel\": \"web\","), 400, "malformed-json"),
                Arguments.of("a JSON array", "application/json", KEY, bytes("[" + VALID + "]"), 400, "invalid-request"),
                Arguments.of("an NPS of 11", "application/json", KEY, bytes(VALID.replace("\"value\":9", "\"value\":11")), 400, "invalid-request"),
                Arguments.of("a submittedAt of epoch zero", "application/json", KEY,
                        bytes(VALID.replace("{\"channel\"", "{\"submittedAt\":\"1970-01-01T00:00:00Z\",\"channel\"")), 400, "invalid-request"),
                Arguments.of("no answers", "application/json", KEY, bytes(VALID.replaceAll("\"answers\":\\[.*]", "\"answers\":[]")), 400, "invalid-request"),
                Arguments.of("no API key", "application/json", null, bytes(VALID), 401, "unauthorized"),
                Arguments.of("a wrong API key", "application/json", KEY + "x", bytes(VALID), 401, "unauthorized"),
                Arguments.of("a form instead of JSON", "application/x-www-form-urlencoded", KEY, bytes("channel=web"), 415, "unsupported-media-type"),
                Arguments.of("no content type", null, KEY, bytes(VALID), 415, "unsupported-media-type"),
                Arguments.of("a 2 MB body", "application/json", KEY, twoMegabytes(), 413, "payload-too-large"),
                Arguments.of("invalid UTF-8", "application/json", KEY, invalidUtf8(), 400, "invalid-encoding"),
                Arguments.of("a duplicate key", "application/json", KEY, bytes(VALID.replace("{\"channel\":\"web\",", "{\"channel\":\"web\",\"channel\":\"sms\",")), 400, "malformed-json"),
                Arguments.of("deep nesting", "application/json", KEY, bytes("{\"channel\":" + "[".repeat(500) + "]".repeat(500) + "}"), 400, "malformed-json"));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("badRequests")
    void postFeedback_badRequest_isRefusedPreciselyAndLeavesNoTrace(String what, String contentType, String key, byte[] body,
                                                                    int status, String problem) {
        int itemsBefore = itemCount();

        HttpResponse<String> response = api.post("/v1/feedback", contentType, key, body);

        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
        JsonNode details = StrictJson.read(response.body());
        assertEquals("urn:touchpoint:problem:" + problem, details.get("type").asText());
        assertEquals(status, details.get("status").asInt());
        assertFalse(details.get("detail").asText().isBlank());
        assertFalse(response.body().contains("Exception"), "no internals in the answer");
        eventually("the queue is empty", () -> runtime.queueDepth(runtime.queues().feedbackUrl()).total() == 0);
        assertEquals(itemsBefore, itemCount(), "nothing was written");
        assertEquals(0, runtime.queueDepth(runtime.queues().deadLetterUrl()).total(), "nothing failed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void invalidContent_namesTheFieldAtFault(String what, String contentType, String key, byte[] body, int status, String problem) {
        if (!problem.equals("invalid-request")) {
            return;
        }
        JsonNode errors = StrictJson.read(api.post("/v1/feedback", contentType, key, body).body()).get("errors");
        assertTrue(errors.size() >= 1);
        assertTrue(errors.get(0).get("pointer").isTextual());
    }

    private static int itemCount() {
        return runtime.dynamoDb().scan(s -> s.tableName("touchpoint").select(Select.COUNT)).count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] twoMegabytes() {
        String comment = "x".repeat(2 * 1024 * 1024);
        return bytes(VALID.replace("]}", ",{\"questionId\":\"c\",\"type\":\"text\",\"value\":\"" + comment + "\"}]}"));
    }

    private static byte[] invalidUtf8() {
        byte[] valid = bytes(VALID.replace("a@example.com", "a@example.comXX"));
        int at = new String(valid, StandardCharsets.UTF_8).indexOf("XX");
        valid[at] = (byte) 0xC3;
        valid[at + 1] = (byte) 0x28;
        return valid;
    }
}
