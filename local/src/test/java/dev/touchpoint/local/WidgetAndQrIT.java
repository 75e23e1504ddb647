package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import dev.touchpoint.domain.json.StrictJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
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
                "TOUCHPOINT_API_KEY", "widget-test-key", "TOUCHPOINT_PUBLISHABLE_KEYS", "pk_shop=" + ORIGIN + ",pk_simple=" + ORIGIN,
                "TOUCHPOINT_WIDGET_RATE_LIMIT", "2")));
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static HttpResponse<String> widgetPost(String origin, String channel, String externalId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback"))
                .header("content-type", "application/json").header("x-publishable-key", "pk_shop").header("origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"externalId":"%s","channel":"%s","answers":[{"questionId":"nps","type":"nps","value":8}]}"""
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
                        {"externalId":"%s","channel":"web","answers":[{"questionId":"nps","type":"nps","value":9}]}"""
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
        assertTrue(get("/widget.js").body().contains("var preloaded = /*TOUCHPOINT_SURVEY*/null;"), "without a survey, none");
        HttpResponse<String> unknown = get("/widget.js?survey=no-such-survey");
        assertEquals(404, unknown.statusCode());
        assertEquals("*", unknown.headers().firstValue("access-control-allow-origin").orElse(""));
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
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
