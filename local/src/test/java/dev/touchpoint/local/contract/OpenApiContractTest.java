package dev.touchpoint.local.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.local.http.ExchangeObserver.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conformance check fails where a client would be surprised, and passes what the contract declares. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.fromDocs();
    private static final String FEEDBACK = """
            {"channel":"web","answers":[{"questionId":"nps","type":"nps","value":9}]}""";
    private static final String ACCEPTED = """
            {"id":"8a3e7c52-9c3e-4c1e-a8f5-0c1f2b7e4d11","status":"accepted"}""";

    @Test
    void aDeclaredExchange_conforms() {
        assertEquals(List.of(), CONTRACT.violations(feedback(FEEDBACK, 202, "application/json", ACCEPTED)));
    }

    @Test
    void anUndeclaredStatus_isAViolation() {
        assertMentions(CONTRACT.violations(feedback(FEEDBACK, 418, "application/json", ACCEPTED)), "status 418 not defined");
    }

    @Test
    void anUndeclaredContentType_isAViolation() {
        assertMentions(CONTRACT.violations(feedback(FEEDBACK, 202, "text/html", ACCEPTED)), "'text/html' does not match");
    }

    @Test
    void anUndeclaredFieldInAnAnswer_isAViolation() {
        String answer = ACCEPTED.replace("}", ",\"queue\":\"ingest\"}");
        assertMentions(CONTRACT.violations(feedback(FEEDBACK, 202, "application/json", answer)), "queue");
    }

    @Test
    void aValueTheContractDoesNotAllow_isAViolation() {
        String answer = ACCEPTED.replace("accepted", "queued");
        assertMentions(CONTRACT.violations(feedback(FEEDBACK, 202, "application/json", answer)), "/status");
    }

    @Test
    void anAcceptedRequestWithAnUndeclaredField_isAViolation() {
        String request = FEEDBACK.replace("{\"channel\"", "{\"mood\":\"happy\",\"channel\"");
        assertMentions(CONTRACT.violations(feedback(request, 202, "application/json", ACCEPTED)), "mood");
    }

    @Test
    void aRefusedBadRequest_isNotAViolation_whenTheRefusalIsDeclared() {
        String problem = """
                {"type":"urn:touchpoint:problem:invalid-request","title":"Invalid request","status":400,
                 "detail":"1 field is invalid","instance":"/v1/feedback","errors":[{"pointer":"/mood","detail":"unknown field"}]}""";
        assertEquals(List.of(), CONTRACT.violations(feedback("{\"mood\":1}", 400, "application/problem+json", problem)));
    }

    /** Composed schemas (a problem with its field errors) are closed too: OpenAPI 3.1's unevaluatedProperties. */
    @Test
    void anUndeclaredFieldInAComposedProblem_isAViolation() {
        String problem = """
                {"type":"urn:touchpoint:problem:invalid-request","title":"Invalid request","status":400,"detail":"1 field is invalid",
                 "instance":"/v1/feedback","errors":[{"pointer":"/mood","detail":"unknown field"}],"stack":"at Handler.java:12"}""";
        assertMentions(CONTRACT.violations(feedback("{\"mood\":1}", 400, "application/problem+json", problem)), "stack");
    }

    @Test
    void anUndeclaredFieldInAPlainProblem_isAViolation() {
        String problem = """
                {"type":"urn:touchpoint:problem:unauthorized","title":"Not authorised","status":401,
                 "detail":"Send a valid key in the x-api-key header.","instance":"/v1/feedback","keyTried":"pk_live_1"}""";
        assertMentions(CONTRACT.violations(feedback(FEEDBACK, 401, "application/problem+json", problem)), "keyTried");
    }

    @Test
    void anUndeclaredQueryParameter_onAnAcceptedRequest_isAViolation() {
        Exchange exchange = new Exchange("GET /v1/responses", "GET", "/v1/responses", Map.of("page", "2"), Map.of(),
                Map.of("x-api-key", List.of("k")), new byte[0], 200, Map.of("content-type", "application/json"),
                "{\"responses\":[],\"next\":null}".getBytes(StandardCharsets.UTF_8));
        assertMentions(CONTRACT.violations(exchange), "'page' is unexpected");
    }

    @Test
    void aParameterValueOutsideItsSchema_onAnAcceptedRequest_isAViolation() {
        Exchange exchange = new Exchange("GET /v1/responses", "GET", "/v1/responses", Map.of("format", "xml", "limit", "5"), Map.of(),
                Map.of("x-api-key", List.of("k")), new byte[0], 200, Map.of("content-type", "application/json"),
                "{\"responses\":[],\"next\":null}".getBytes(StandardCharsets.UTF_8));
        List<String> violations = CONTRACT.violations(exchange);
        assertMentions(violations, "parameter format");
        assertTrue(violations.stream().noneMatch(violation -> violation.contains("parameter limit")), violations::toString);
    }

    private static Exchange feedback(String request, int status, String contentType, String answer) {
        return new Exchange("POST /v1/feedback", "POST", "/v1/feedback", Map.of(), Map.of(),
                Map.of("content-type", List.of("application/json"), "x-api-key", List.of("k")),
                request.getBytes(StandardCharsets.UTF_8), status, Map.of("content-type", contentType),
                answer.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertMentions(List<String> violations, String text) {
        assertTrue(violations.stream().anyMatch(violation -> violation.contains(text)), () -> "no violation mentions "
                + text + " in " + violations);
    }
}
