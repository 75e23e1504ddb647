package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a publishable widget key may and may not do, and a QR code that really decodes to its landing page. */
class WidgetAndQrIT {

    private static final String ORIGIN = "https://shop.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "widget-test-key", Setting.PUBLISHABLE_KEYS.variable(), "pk_shop=" + ORIGIN + ",pk_simple=" + ORIGIN + ",pk_c0=" + ORIGIN + ",pk_c1=" + ORIGIN + ",pk_c2=" + ORIGIN + ",pk_c3=" + ORIGIN + ",pk_c4=" + ORIGIN,
                Setting.WIDGET_RATE_LIMIT.variable(), "2", Setting.TOUCHPOINT_RATE_LIMIT.variable(), "12", Setting.DEVICE_RATE_LIMIT.variable(), "5")));
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static HttpResponse<String> widgetPost(String origin, String channel, String externalId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback"))
                .header("content-type", "application/json").header("x-publishable-key", "pk_shop").header("origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"externalId":"%s","channel":"%s","surveyId":"post-service","answers":[{"questionId":"nps","type":"nps","value":8}]}"""
                        .formatted(externalId, channel))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback"))
                .header("origin", origin).header("access-control-request-method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void publishableKey_submitsWebFeedbackFromItsOriginOnly_withinItsRateLimit() throws Exception {
        HttpResponse<String> allowed = preflight(ORIGIN);
        assertEquals(204, allowed.statusCode());
        assertEquals(ORIGIN, allowed.headers().firstValue("access-control-allow-origin").orElse(""));
        assertEquals(403, preflight("https://evil.example").statusCode());

        assertEquals(401, widgetPost("https://evil.example", "web", "w-evil").statusCode(), "another origin");
        HttpResponse<String> wrongChannel = widgetPost(ORIGIN, "call_centre", "w-cc");
        assertEquals(403, wrongChannel.statusCode(), "a widget key submits web or app feedback only");

        HttpResponse<String> first = widgetPost(ORIGIN, "web", "w-1");
        assertEquals(202, first.statusCode(), first.body());
        assertEquals(ORIGIN, first.headers().firstValue("access-control-allow-origin").orElse(""));
        HttpResponse<String> limited = widgetPost(ORIGIN, "web", "w-3");
        assertEquals(429, limited.statusCode(), "the rate-limit window holds 2 uses (the refused channel counted one)");
        assertEquals("60", limited.headers().firstValue("retry-after").orElse(""));

        HttpResponse<String> profiles = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/v1/profiles?email=a@example.com")).header("x-publishable-key", "pk_shop").header("origin", ORIGIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, profiles.statusCode(), "a publishable key reads nothing");
    }

    /** As widget.js posts: the key in the query string and the JSON as text/plain, so no browser preflights it. */
    private static HttpResponse<String> simplePost(String key, String origin, String contentType, String externalId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback?publishableKey=" + key))
                .header("content-type", contentType).header("origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"externalId":"%s","channel":"web","surveyId":"post-service","answers":[{"questionId":"nps","type":"nps","value":9}]}"""
                        .formatted(externalId))).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWidgetPostWithoutPreflight_isAcceptedFromTheKeysOriginOnly() throws Exception {
        HttpResponse<String> accepted = simplePost("pk_simple", ORIGIN, "text/plain;charset=UTF-8", "s-1");
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(ORIGIN, accepted.headers().firstValue("access-control-allow-origin").orElse(""),
                "the browser may read the answer");
        assertEquals(401, simplePost("pk_simple", "https://evil.example", "text/plain", "s-evil").statusCode(), "another origin");
        assertEquals(401, simplePost("pk_unknown", ORIGIN, "text/plain", "s-unknown").statusCode(), "an unknown key");

        HttpResponse<String> apiKeyAsText = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback"))
                .header("content-type", "text/plain").header("x-api-key", "widget-test-key")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, apiKeyAsText.statusCode(), "servers send their JSON as application/json");
        HttpResponse<String> profiles = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/v1/profiles?email=a@example.com&publishableKey=pk_simple")).header("origin", ORIGIN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, profiles.statusCode(), "a publishable key in the query string reads nothing either");
    }

    /** Named in the script's address, the survey comes with the script: the widget needs no request of its own for it. */
    @Test
    void theScriptNamingASurvey_carriesItInEachLanguage_asTheSurveyRouteServesIt() throws Exception {
        String script = get("/widget.js?survey=post-service").body();
        Matcher preloaded = Pattern.compile("var preloaded = (\\{.*});").matcher(script);
        assertTrue(preloaded.find(), "the survey is in the script");
        JsonNode survey = StrictJson.read(preloaded.group(1));
        assertEquals("post-service", survey.get("id").asText());
        for (String language : List.of("tr", "en")) {
            assertEquals(StrictJson.read(get("/w/surveys/post-service?lang=" + language).body()),
                    survey.get("byLanguage").get(language), language);
        }
        assertTrue(get("/widget.js").body().contains("var preloaded = /*PRELOADED_SURVEY*/null;"), "without a survey, none");
        HttpResponse<String> unknown = get("/widget.js?survey=no-such-survey");
        assertEquals(404, unknown.statusCode());
        assertEquals("*", unknown.headers().firstValue("access-control-allow-origin").orElse(""));
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> form(String path, String formId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("form=" + formId + "&lang=en&q_nps=0")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A kiosk answer as API Gateway would hand it to survey-web, from a given client address. */
    private static String kioskEventFrom(String sourceIp, String touchpoint) {
        String body = "form=" + UUID.randomUUID() + "&lang=en&q_nps=0";
        ObjectNode event = StrictJson.object().put("version", "2.0").put("routeKey", "POST /k/{touchpoint}")
                .put("rawPath", "/k/" + touchpoint).put("rawQueryString", "").put("body", body).put("isBase64Encoded", false);
        event.putObject("headers").put("content-type", "application/x-www-form-urlencoded");
        event.putObject("requestContext").put("requestId", UUID.randomUUID().toString())
                .putObject("http").put("method", "POST").put("path", "/k/" + touchpoint).put("sourceIp", sourceIp);
        return StrictJson.write(event);
    }

    private static int statusOfInvoked(String event) throws Exception {
        String answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/_local/invoke/survey-web"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return StrictJson.read(answer).get("statusCode").asInt();
    }

    private static long responsesAt(String touchpoint) throws Exception {
        JsonNode report = StrictJson.read(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/v1/reports/summary?groupBy=touchpoint")).header("x-api-key", "widget-test-key").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        long total = 0;
        for (JsonNode group : report.get("groups")) {
            total += group.get("key").asText().equals(touchpoint) ? group.get("responses").asLong() : 0;
        }
        return total;
    }

    /** An invented touchpoint is nobody's: no page, no answers, no QR code. */
    @Test
    void anUnregisteredTouchpoint_hasNoPageNoAnswersAndNoCode() throws Exception {
        assertEquals(404, get("/k/store-rival").statusCode());
        assertEquals(404, get("/q/store-rival").statusCode());
        assertEquals(404, form("/q/store-rival", UUID.randomUUID().toString()).statusCode());
        assertEquals(404, get("/v1/touchpoints/store-rival/qr.svg").statusCode());
        assertEquals(404, get("/k/web-checkout").statusCode(), "registered, but for the widget only");
        assertEquals(200, get("/k/store-kadikoy").statusCode());
    }

    /**
     * A survey page runs its own script and no other: the CSP names the SHA-256 of the one inline script
     * the page carries and never 'unsafe-inline' for scripts, so a script injected into a page would not run.
     */
    @Test
    void aSurveyPage_allowsItsOwnScriptByHash_andNoInlineScriptElse() throws Exception {
        for (String page : List.of("/k/store-kadikoy", "/q/store-kadikoy")) {
            HttpResponse<String> answer = get(page);
            String policy = answer.headers().firstValue("content-security-policy").orElseThrow();
            String scriptSources = policy.replaceAll(".*script-src ([^;]*);.*", "$1");
            Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(answer.body());
            assertTrue(script.find(), page + " carries its script");
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
            assertEquals("'sha256-" + hash + "'", scriptSources, page);
            assertTrue(!script.find(), page + " carries one inline script");
        }
    }

    /** A form carrying an answer to a question the survey does not ask came from no page of ours: 400, nothing recorded. */
    @Test
    void aKioskFormWithAnUnknownQuestion_isRefused() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/k/store-kadikoy"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "form=" + UUID.randomUUID() + "&lang=en&q_nps=9&q_favourite_colour=blue")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("does not ask"), answer.body());
    }

    /** 300 answers in a burst from one device: it gets its minute's share, the rest 429 with retry-after. */
    @Test
    void aBurstFromOneDevice_isLimited_andOnlyItsShareIsRecorded() throws Exception {
        waitForAFreshMinute();
        long firstMinute = Instant.now().getEpochSecond() / 60;
        int accepted = 0;
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> answer = form("/q/store-moda", UUID.randomUUID().toString());
            if (answer.statusCode() == 200) {
                accepted++;
            } else {
                assertEquals(429, answer.statusCode());
                assertEquals("60", answer.headers().firstValue("retry-after").orElse(""));
            }
        }
        // Five a minute a device; only a burst slow enough to cross into the next minute gets part of a second share.
        boolean oneMinute = Instant.now().getEpochSecond() / 60 == firstMinute;
        assertTrue(oneMinute ? accepted == 5 : accepted >= 5 && accepted <= 10, accepted + " accepted");
        FeedbackPipelineIT.drain(runtime);
        assertEquals(accepted, responsesAt("store-moda"), "the refused ones left no trace");
    }

    /** The limits count per minute of the clock: a burst that starts late in a minute would straddle two. */
    private static void waitForAFreshMinute() throws InterruptedException {
        long secondOfMinute = Instant.now().getEpochSecond() % 60;
        if (secondOfMinute > 40) {
            Thread.sleep((61 - secondOfMinute) * 1000);
        }
    }

    /** Many devices at one touchpoint: together they get its minute's share (12 here), whatever their addresses. */
    @Test
    void manyDevicesAtOneTouchpoint_shareItsLimit() throws Exception {
        waitForAFreshMinute();
        long firstMinute = Instant.now().getEpochSecond() / 60;
        int accepted = 0;
        for (int device = 0; device < 6; device++) {
            for (int i = 0; i < 4; i++) {
                accepted += statusOfInvoked(kioskEventFrom("198.51.100." + device, "store-kadikoy")) == 200 ? 1 : 0;
            }
        }
        boolean oneMinute = Instant.now().getEpochSecond() / 60 == firstMinute;
        assertTrue(oneMinute ? accepted == 12 : accepted >= 12 && accepted <= 24, accepted + " of 24 accepted");
    }

    /** The widget's word on time, survey and touchpoint is checked like the rest: no rewritten history, no invented questions. */
    @Test
    void theWidget_cannotBackdate_inventQuestions_skipTheNps_orInventATouchpoint() throws Exception {
        HttpResponse<String> backdated = simpleWidget("""
                {"externalId":"w-2000","channel":"web","surveyId":"post-service","submittedAt":"2000-01-01T00:00:00Z",
                 "answers":[{"questionId":"nps","type":"nps","value":0}]}""");
        assertEquals(202, backdated.statusCode(), backdated.body());
        FeedbackPipelineIT.drain(runtime);
        HttpResponse<String> year2000 = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/v1/reports/summary?from=2000-01-01&to=2000-12-31&groupBy=channel")).header("x-api-key", "widget-test-key").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(0, StrictJson.read(year2000.body()).get("groups").size(), "the answer counts today, not in 2000");

        assertInvalid(simpleWidget("""
                {"channel":"web","surveyId":"post-service","answers":[{"questionId":"nps","type":"nps","value":9},
                 {"questionId":"favourite-colour","type":"text","value":"blue"}]}"""), "/answers/1/questionId");
        assertInvalid(simpleWidget("""
                {"channel":"web","surveyId":"post-service","answers":[{"questionId":"comment","type":"text","value":"no score"}]}"""),
                "/answers");
        assertInvalid(simpleWidget("""
                {"channel":"web","surveyId":"post-service","touchpoint":"store-rival","answers":[{"questionId":"nps","type":"nps","value":0}]}"""),
                "/touchpoint");
        assertInvalid(simpleWidget("""
                {"channel":"web","answers":[{"questionId":"nps","type":"nps","value":0}]}"""), "/surveyId");
    }

    /** Each check with a key of its own: the widget's limit here is two a minute per key and visitor. */
    private static final java.util.concurrent.atomic.AtomicInteger CHECK_KEYS = new java.util.concurrent.atomic.AtomicInteger();

    private static HttpResponse<String> simpleWidget(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback?publishableKey=pk_c"
                        + CHECK_KEYS.getAndIncrement()))
                .header("content-type", "text/plain").header("origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertInvalid(HttpResponse<String> response, String pointer) {
        assertEquals(400, response.statusCode(), response.body());
        List<String> pointers = new java.util.ArrayList<>();
        StrictJson.read(response.body()).get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertTrue(pointers.contains(pointer), pointers + " names " + pointer);
    }

    @Test
    void qrCode_decodesToTheTouchpointsLandingPage() throws Exception {
        HttpResponse<String> svg = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/v1/touchpoints/store-kadikoy/qr.svg")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, svg.statusCode());
        assertEquals("image/svg+xml", svg.headers().firstValue("content-type").orElse(""));

        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg.body());
        assertTrue(size.find());
        int width = Integer.parseInt(size.group(1));
        int quietZone = 4;
        BitMatrix modules = new BitMatrix(width - 2 * quietZone);
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg.body());
        while (square.find()) {
            modules.set(Integer.parseInt(square.group(1)) - quietZone, Integer.parseInt(square.group(2)) - quietZone);
        }
        assertEquals(runtime.config().publicUrl() + "/q/store-kadikoy", new Decoder().decode(modules).getText());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/v1/touchpoints/..%2Fsecret/qr.svg")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
