package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The hostile-input corpus (src/test/resources/hostile/corpus.jsonl, written by scripts/hostile-corpus.py)
 * against every public route of the running local runtime: each case gets a 4xx — its expected status —
 * with a clear error and no internals, and leaves no trace: nothing queued, nothing written, nothing in
 * a DLQ.
 */
class HostileInputIT {

    private static final String KEY = "hostile-test-key";
    private static final String TWILIO_TOKEN = "hostile-twilio-token";
    private static final String META_SECRET = "hostile-meta-secret";
    private static final String VERIFY_TOKEN = "hostile-verify";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(apiKey|expiredToken|forgedToken|tamperedToken|otherProfileId|"
            + "verifyToken|twilioSignatureOfOtherBody|twilioSignatureForOtherUrl|twilioSignatureTruncated|metaSignatureOfOtherBody|"
            + "metaSignatureTruncated)}}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalRuntime runtime;
    private static Map<String, String> fills;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), KEY, Setting.PUBLISHABLE_KEYS.variable(), "pk_shop=http://shop.example",
                Setting.TWILIO_AUTH_TOKEN.variable(), TWILIO_TOKEN, Setting.META_APP_SECRET.variable(), META_SECRET,
                Setting.META_VERIFY_TOKEN.variable(), VERIFY_TOKEN)));
        SurveyTokens tokens = SurveyTokens.fromText(runtime.config().surveyTokenKey());
        String invitation = UUID.randomUUID().toString();
        String valid = tokens.issue(invitation, Instant.now().plus(Duration.ofDays(1)));
        String twilioUrl = runtime.config().publicUrl() + "/webhooks/twilio";
        Map<String, String> otherForm = Map.of("MessageSid", "SMother", "From", "+905550009999", "Body", "10");
        String metaOther = WebhookSignatures.meta(META_SECRET, "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8));
        String twilioOther = WebhookSignatures.twilio(TWILIO_TOKEN, twilioUrl, otherForm);
        fills = Map.ofEntries(
                Map.entry("apiKey", KEY),
                Map.entry("verifyToken", VERIFY_TOKEN),
                Map.entry("otherProfileId", UUID.randomUUID().toString()),
                Map.entry("expiredToken", tokens.issue(invitation, Instant.now().minus(Duration.ofDays(1)))),
                Map.entry("forgedToken", SurveyTokens.fromText("not-our-key-0123456789abcdef0123456789").issue(invitation,
                        Instant.now().plus(Duration.ofDays(1)))),
                Map.entry("tamperedToken", valid.substring(0, 10) + (valid.charAt(10) == 'a' ? 'b' : 'a') + valid.substring(11)),
                Map.entry("twilioSignatureOfOtherBody", twilioOther),
                Map.entry("twilioSignatureForOtherUrl", WebhookSignatures.twilio(TWILIO_TOKEN, "https://evil.example/webhooks/twilio",
                        form("MessageSid=SMh1&From=%2B905550001122&To=%2B15550100&Body=9"))),
                Map.entry("twilioSignatureTruncated", twilioOther.substring(0, 10)),
                Map.entry("metaSignatureOfOtherBody", metaOther),
                Map.entry("metaSignatureTruncated", metaOther.substring(0, 20)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = HostileInputIT.class.getResourceAsStream("/hostile/corpus.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .map(StrictJson::read).map(c -> Arguments.of(c.get("id").asText(), c)).toList().stream();
        }
    }

    @Test
    void theCorpus_coversEveryPublicRoute_withAtLeast200Cases() throws IOException {
        List<JsonNode> cases = corpus().map(a -> (JsonNode) a.get()[1]).toList();
        assertTrue(cases.size() >= 200, cases.size() + " cases");
        for (String route : runtime.routeKeys()) {
            String method = route.substring(0, route.indexOf(' '));
            Pattern path = Pattern.compile("^" + route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "[^/?]+") + "(\\?.*)?$");
            boolean covered = cases.stream().anyMatch(c -> c.get("method").asText().equals(method) && path.matcher(c.get("path").asText()).matches());
            assertTrue(covered, "no hostile case for " + route);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void hostileRequest_getsItsClear4xx_andLeavesNoTrace(String id, JsonNode hostile) {
        int itemsBefore = itemCount();

        HttpResponse<String> response = send(hostile);

        int expected = hostile.path("status").asInt(0);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, id + " → " + response.statusCode() + " " + response.body());
        if (expected != 0) {
            assertEquals(expected, response.statusCode(), id + ": " + abbreviate(response.body()));
        }
        String body = response.body();
        assertFalse(body.isBlank(), "a clear error, not an empty answer");
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("dev.touchpoint.") || body.contains("java."),
                "no internals in the answer: " + abbreviate(body));
        String type = response.headers().firstValue("content-type").orElse("");
        if (type.startsWith("application/problem+json")) {
            JsonNode problem = StrictJson.read(body);
            assertEquals(response.statusCode(), problem.get("status").asInt());
            assertFalse(problem.path("detail").asText().isBlank(), "the problem says what is wrong");
        }
        // Had anything been queued, the processor would write it: wait for the queues, then count.
        LocalApi.eventually("the queues are empty", () -> runtime.queueDepth(runtime.queues().feedbackUrl()).total() == 0
                && runtime.queueDepth(runtime.queues().closedLoopUrl()).total() == 0);
        assertEquals(itemsBefore, itemCount(), "nothing was queued or written");
        assertEquals(0, runtime.queueDepth(runtime.queues().deadLetterUrl()).total(), "nothing failed");
    }

    private static HttpResponse<String> send(JsonNode hostile) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + fill(hostile.get("path").asText())))
                .method(hostile.get("method").asText(), HttpRequest.BodyPublishers.ofByteArray(body(hostile)))
                .timeout(Duration.ofSeconds(30));
        hostile.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), fill(h.getValue().asText())));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] body(JsonNode hostile) {
        if (hostile.has("bodyHex")) {
            return HexFormat.of().parseHex(hostile.get("bodyHex").asText());
        }
        if (hostile.has("bodyRepeat")) {
            JsonNode repeat = hostile.get("bodyRepeat");
            return (repeat.get("prefix").asText() + repeat.get("unit").asText().repeat(repeat.get("count").asInt())
                    + repeat.get("suffix").asText()).getBytes(StandardCharsets.UTF_8);
        }
        return fill(hostile.path("body").asText("")).getBytes(StandardCharsets.UTF_8);
    }

    private static String fill(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        return placeholder.replaceAll(m -> Matcher.quoteReplacement(fills.get(m.group(1))));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static int itemCount() {
        return runtime.dynamoDb().scan(s -> s.tableName("touchpoint").select(Select.COUNT)).count();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
