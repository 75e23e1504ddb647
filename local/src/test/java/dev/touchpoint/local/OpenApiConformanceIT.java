package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.local.contract.ContractConformance;
import dev.touchpoint.local.contract.OpenApiContract;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml is true: every route the runtime serves is in it and every operation in it is
 * served, and a scenario calls each operation in success and in failure. Every exchange (this IT's as
 * every other IT's) is judged by {@link OpenApiContract} through {@link ContractConformance}.
 */
class OpenApiConformanceIT {

    private static final String TWILIO_TOKEN = "conformance-twilio-token";
    private static final String META_SECRET = "conformance-meta-secret";
    private static final String VERIFY_TOKEN = "conformance-verify";
    private static final String SHOP = "http://shop.example";

    private static OpenApiContract contract;
    private static LocalRuntime runtime;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> violations = new ArrayList<>();
    private static final Set<String> exercised = new TreeSet<>();
    private static String invitationId;

    @BeforeAll
    static void start() throws Exception {
        contract = OpenApiContract.fromDocs();
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "conformance-key", Setting.PUBLISHABLE_KEYS.variable(), "pk_shop=" + SHOP,
                Setting.TWILIO_AUTH_TOKEN.variable(), TWILIO_TOKEN, Setting.META_APP_SECRET.variable(), META_SECRET,
                Setting.META_VERIFY_TOKEN.variable(), VERIFY_TOKEN)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void theSpec_namesExactlyTheRoutesTheRuntimeServes() {
        assertEquals(new TreeSet<>(runtime.routeKeys()), contract.operations());
        assertEquals("3.1.0", contract.spec().get("openapi").asText());
    }

    /**
     * A path no route serves is a 404 problem, and a method the path does not take a 405 problem naming
     * the methods it does, as in AWS (the API's $default route reads the same catalogue); never bare text.
     */
    @Test
    void whatNoRouteServes_isAProblemAsTheSpecDescribesIt() {
        HttpResponse<String> nothing = send("GET", "/v1/nope", Map.of(), null);
        assertEquals(404, nothing.statusCode());
        assertProblem(nothing, "urn:touchpoint:problem:not-found");
        HttpResponse<String> wrongMethod = send("PUT", "/v1/feedback", Map.of(), "{}");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST, OPTIONS", wrongMethod.headers().firstValue("allow").orElse(""));
        assertProblem(wrongMethod, "urn:touchpoint:problem:method-not-allowed");
    }

    private static void assertProblem(HttpResponse<String> response, String type) {
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse("").replaceAll(";.*", ""));
        assertEquals(List.of(), contract.schemaErrors("/components/schemas/Problem", response.body()));
        assertEquals(type, StrictJson.read(response.body()).get("type").asText());
    }

    @Test
    void everyOperation_answersAsTheSpecSays_inSuccessAndFailure() throws Exception {
        feedbackIn();
        String profileId = customers();
        reports();
        surveys();
        channelWebhooks();
        erasure(profileId);
        assertEquals(List.of(), violations, "answers that the spec does not describe");
        assertEquals(contract.operations(), exercised, "every operation of the spec was called");
    }

    private void feedbackIn() {
        call("POST", "/v1/feedback", "/v1/feedback", json(), feedback("conf-1", "conformance@example.com"), 202);
        call("POST", "/v1/feedback", "/v1/feedback", json(), "{\"channel\":", 400);
        call("POST", "/v1/feedback", "/v1/feedback", Map.of("content-type", "application/json"), feedback("conf-2", null), 401);
        call("POST", "/v1/feedback", "/v1/feedback", withKey("text/plain"), "hello", 415);
        call("POST", "/v1/feedback", "/v1/feedback", json(), "{\"x\":\"" + "a".repeat(70_000) + "\"}", 413);
        call("POST", "/v1/feedback", "/v1/feedback", Map.of("content-type", "application/json", "x-publishable-key", "pk_shop",
                "origin", "http://evil.example"), feedback("conf-3", null), 401);
        call("OPTIONS", "/v1/feedback", "/v1/feedback", Map.of("origin", SHOP, "access-control-request-method", "POST"), null, 204);
        call("OPTIONS", "/v1/feedback", "/v1/feedback", Map.of("origin", "http://evil.example",
                "access-control-request-method", "POST"), null, 403);
        invitationId = StrictJson.read(call("POST", "/v1/interactions", "/v1/interactions", json(), """
                {"id":"conf-i1","type":"service.completed","occurredAt":"%s","customer":{"email":"conformance@example.com"},
                 "delaySeconds":3600}""".formatted(Instant.now().minusSeconds(60)), 202).body()).get("invitationId").asText();
        call("POST", "/v1/interactions", "/v1/interactions", json(), "{\"id\":\"\"}", 400);
        String header = "externalId,channel,touchpoint,surveyId,email,phone,customerExternalId,name,locale,submittedAt,nps,csat,ces,rating,comment";
        call("POST", "/v1/imports", "/v1/imports", withKey("text/csv"), header + "\nconf-r1,paper,store-a,,,,,,,,9,,,,\nconf-r2,paper,,,,,,,,,11,,,,\n", 202);
        call("POST", "/v1/imports", "/v1/imports", withKey("text/csv"), "a,b\n1,2\n", 400);
        call("POST", "/v1/imports", "/v1/imports", json(), "{}", 415);
        call("POST", "/v1/feedback/batch", "/v1/feedback/batch", json(),
                "{\"submissions\":[" + feedback("conf-b1", null) + ",{\"channel\":\"fax\"}]}", 202);
        call("POST", "/v1/feedback/batch", "/v1/feedback/batch", json(), "{\"submissions\":[]}", 400);
        call("POST", "/v1/feedback/batch", "/v1/feedback/batch", withKey("text/csv"), "a,b", 415);
        call("POST", "/v1/feedback/batch", "/v1/feedback/batch", json(), "{\"x\":\"" + "a".repeat(1_100_000) + "\"}", 413);
    }

    private String customers() {
        JsonNode profile = eventually("the feedback is recorded", () -> {
            HttpResponse<String> r = send("GET", "/v1/profiles?email=conformance%40example.com", withKey(null), null);
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 1);
        String id = profile.get("id").asText();
        call("GET", "/v1/profiles", "/v1/profiles?email=conformance%40example.com", withKey(null), null, 200);
        call("GET", "/v1/profiles", "/v1/profiles", withKey(null), null, 400);
        call("GET", "/v1/profiles", "/v1/profiles?email=nobody%40example.com", withKey(null), null, 404);
        call("GET", "/v1/profiles/{id}", "/v1/profiles/" + id, withKey(null), null, 200);
        call("GET", "/v1/profiles/{id}", "/v1/profiles/not-a-profile", withKey(null), null, 404);
        call("GET", "/v1/profiles/{id}", "/v1/profiles/" + id, Map.of(), null, 401);
        call("GET", "/v1/profiles/{id}/export", "/v1/profiles/" + id + "/export", withKey(null), null, 200);
        call("GET", "/v1/profiles/{id}/export", "/v1/profiles/00000000-0000-4000-8000-000000000000/export", withKey(null), null, 404);
        call("POST", "/v1/replies", "/v1/replies", json(), "{\"id\":\"conf-reply\",\"profileId\":\"" + id + "\",\"text\":\"Merhaba\"}", 202);
        call("POST", "/v1/replies", "/v1/replies", json(), "{\"profileId\":\"" + id + "\",\"channel\":\"whatsapp\",\"text\":\"Hi\"}", 409);
        call("POST", "/v1/replies", "/v1/replies", json(), "{\"profileId\":\"00000000-0000-4000-8000-000000000000\",\"text\":\"Hi\"}", 404);
        call("POST", "/v1/replies", "/v1/replies", json(), "{\"text\":\"\"}", 400);
        return id;
    }

    private void reports() {
        call("GET", "/v1/reports/summary", "/v1/reports/summary?groupBy=channel", withKey(null), null, 200);
        call("GET", "/v1/reports/summary", "/v1/reports/summary?groupBy=day&surveyId=post-service", withKey(null), null, 200);
        call("GET", "/v1/reports/summary", "/v1/reports/summary?groupBy=weather", withKey(null), null, 400);
        call("GET", "/v1/responses", "/v1/responses?format=json&limit=2", withKey(null), null, 200);
        call("GET", "/v1/responses", "/v1/responses?format=csv", withKey(null), null, 200);
        call("GET", "/v1/responses", "/v1/responses?format=xml", withKey(null), null, 400);
    }

    private void surveys() {
        String token = SurveyTokens.fromText(runtime.config().surveyTokenKey()).issue(invitationId, Instant.now().plus(Duration.ofDays(7)));
        call("GET", "/s/{token}", "/s/" + token, Map.of(), null, 200);
        call("GET", "/s/{token}", "/s/not-a-token", Map.of(), null, 404);
        call("POST", "/s/{token}", "/s/" + token, Map.of("content-type", "application/x-www-form-urlencoded"), "q_nps=9", 200);
        call("POST", "/s/{token}", "/s/" + token, Map.of("content-type", "application/json"), "{}", 415);
        for (String mode : List.of("k", "q")) {
            String page = call("GET", "/" + mode + "/{touchpoint}", "/" + mode + "/store-kadikoy", Map.of(), null, 200).body();
            call("POST", "/" + mode + "/{touchpoint}", "/" + mode + "/store-kadikoy", Map.of("content-type", "application/x-www-form-urlencoded"),
                    hiddenFields(page) + "&q_nps=8", 200);
            call("POST", "/" + mode + "/{touchpoint}", "/" + mode + "/store-kadikoy", Map.of("content-type", "application/x-www-form-urlencoded"),
                    hiddenFields(page), 400);
        }
        call("GET", "/v1/touchpoints/{id}/qr.svg", "/v1/touchpoints/store-kadikoy/qr.svg", Map.of(), null, 200);
        call("GET", "/widget.js", "/widget.js", Map.of(), null, 200);
        call("GET", "/widget.js", "/widget.js?survey=post-service", Map.of(), null, 200);
        call("GET", "/widget.js", "/widget.js?survey=no-such-survey", Map.of(), null, 404);
        call("GET", "/w/surveys/{id}", "/w/surveys/post-service?lang=tr", Map.of(), null, 200);
        call("GET", "/w/surveys/{id}", "/w/surveys/no-such-survey", Map.of(), null, 404);
    }

    private void channelWebhooks() {
        String url = runtime.config().publicUrl() + "/webhooks/twilio";
        Map<String, String> form = new LinkedHashMap<>(Map.of("MessageSid", "SMconf1", "From", "+905550001122", "To", "+15550100",
                "Body", "Teşekkürler"));
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .reduce((a, b) -> a + "&" + b).orElseThrow();
        call("POST", "/webhooks/twilio", "/webhooks/twilio", Map.of("content-type", "application/x-www-form-urlencoded",
                "x-twilio-signature", WebhookSignatures.twilio(TWILIO_TOKEN, url, form)), body, 200);
        call("POST", "/webhooks/twilio", "/webhooks/twilio", Map.of("content-type", "application/x-www-form-urlencoded",
                "x-twilio-signature", "bm9wZQ=="), body, 403);
        for (String path : List.of("/webhooks/whatsapp", "/webhooks/messenger")) {
            call("GET", path, path + "?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444", Map.of(), null, 200);
            call("GET", path, path + "?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1", Map.of(), null, 403);
            String event = path.endsWith("whatsapp") ? "{\"object\":\"whatsapp_business_account\",\"entry\":[]}" : "{\"object\":\"page\",\"entry\":[]}";
            call("POST", path, path, Map.of("content-type", "application/json",
                    "x-hub-signature-256", WebhookSignatures.meta(META_SECRET, event.getBytes(StandardCharsets.UTF_8))), event, 200);
            call("POST", path, path, Map.of("content-type", "application/json", "x-hub-signature-256", "sha256=" + "0".repeat(64)), event, 403);
        }
    }

    private void erasure(String profileId) {
        call("DELETE", "/v1/profiles/{id}", "/v1/profiles/" + profileId, withKey(null), null, 204);
        call("DELETE", "/v1/profiles/{id}", "/v1/profiles/" + profileId, withKey(null), null, 404);
    }

    /** Sends and checks the status the scenario expects; {@link ContractConformance} checks the exchange against the spec. */
    private HttpResponse<String> call(String method, String template, String path, Map<String, String> headers, String body,
                                      int expectedStatus) {
        HttpResponse<String> response = send(method, path, headers, body);
        String where = method + " " + path.replaceAll("[?].*", "") + " → " + response.statusCode();
        if (response.statusCode() != expectedStatus) {
            violations.add(where + ": the scenario expected " + expectedStatus + " (" + abbreviate(response.body()) + ")");
        }
        exercised.add(method + " " + template);
        return response;
    }

    private static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String hiddenFields(String page) {
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(page);
        List<String> fields = new ArrayList<>();
        while (hidden.find()) {
            fields.add(hidden.group(1) + "=" + URLEncoder.encode(hidden.group(2), StandardCharsets.UTF_8));
        }
        assertTrue(!fields.isEmpty(), "a kiosk form carries its one-off id");
        return String.join("&", fields);
    }

    private static String feedback(String externalId, String email) {
        return """
                {"externalId":"%s","channel":"web","touchpoint":"store-a","surveyId":"post-service",%s
                 "answers":[{"questionId":"nps","type":"nps","value":9},{"questionId":"comment","type":"text","value":"Hızlı"}]}"""
                .formatted(externalId, email == null ? "" : "\"customer\":{\"email\":\"" + email + "\"},");
    }

    private static Map<String, String> json() {
        return withKey("application/json");
    }

    private static Map<String, String> withKey(String contentType) {
        return contentType == null ? Map.of("x-api-key", "conformance-key")
                : Map.of("x-api-key", "conformance-key", "content-type", contentType);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** The problem types the functions answer are the ones the contract declares, and no others. */
    @Test
    void everyProblemType_isDeclared_andNoneElse() {
        Set<String> declared = new TreeSet<>();
        contract.spec().at("/components/schemas/ProblemFields/properties/type/enum").forEach(urn -> declared.add(urn.asText()));
        Set<String> answered = new TreeSet<>();
        for (ProblemType type : ProblemType.values()) {
            answered.add(type.urn());
        }
        assertEquals(answered, declared);
    }

}
