package dev.touchpoint.aws.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.feedback.FieldError;
import dev.touchpoint.domain.json.StrictJson;
import java.util.List;
import java.util.Map;

/**
 * Answers for the HTTP API. Errors are RFC 9457 problem details: {@code type} (a stable URN naming the
 * kind of problem), {@code title}, {@code status}, {@code detail}, {@code instance} (the request path)
 * and, for invalid input, {@code errors[]} of {@code {pointer, detail}}. Never a stack trace.
 */
public final class HttpResponses {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_TYPE_PREFIX = "urn:touchpoint:problem:";

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return respond(status, "application/json", StrictJson.write(body));
    }

    public static APIGatewayV2HTTPResponse problem(int status, String type, String title, String detail, String instance) {
        return respond(status, PROBLEM_JSON, StrictJson.write(problemBody(status, type, title, detail, instance)));
    }

    public static APIGatewayV2HTTPResponse invalid(String detail, List<FieldError> errors, String instance) {
        ObjectNode body = problemBody(400, "invalid-request", "The request is not valid", detail, instance);
        ArrayNode list = body.putArray("errors");
        errors.forEach(e -> list.addObject().put("pointer", e.pointer()).put("detail", e.detail()));
        return respond(400, PROBLEM_JSON, StrictJson.write(body));
    }

    private static ObjectNode problemBody(int status, String type, String title, String detail, String instance) {
        ObjectNode body = StrictJson.object();
        body.put("type", PROBLEM_TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        return body;
    }

    private static APIGatewayV2HTTPResponse respond(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", contentType, "cache-control", "no-store"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
