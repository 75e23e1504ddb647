package dev.touchpoint.aws.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.contract.Route;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.StrictJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers for the HTTP API. Errors are RFC 9457 problem details: {@code type} (a stable URN naming the
 * kind of problem), {@code title}, {@code status}, {@code detail}, {@code instance} (the request path)
 * and, for invalid input, {@code errors[]} of {@code {pointer, detail}}. Never a stack trace.
 */
public final class HttpResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private HttpResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return respond(status, "application/json", StrictJson.write(body));
    }

    public static APIGatewayV2HTTPResponse problem(int status, ProblemType type, String detail, String instance) {
        return respond(status, PROBLEM_JSON, StrictJson.write(problemBody(status, type, detail, instance)));
    }

    /** A problem with extension members (RFC 9457), e.g. a machine-readable {@code reason}. */
    public static APIGatewayV2HTTPResponse problem(int status, ProblemType type, String detail, String instance,
                                                   Map<String, String> extensions) {
        ObjectNode body = problemBody(status, type, detail, instance);
        extensions.forEach(body::put);
        return respond(status, PROBLEM_JSON, StrictJson.write(body));
    }

    public static APIGatewayV2HTTPResponse invalid(String detail, List<FieldError> errors, String instance) {
        ObjectNode body = problemBody(400, ProblemType.INVALID_REQUEST, detail, instance);
        fieldErrors(body.putArray("errors"), errors);
        return respond(400, PROBLEM_JSON, StrictJson.write(body));
    }

    /** Each field error as {@code {"pointer", "detail"}}, as every answer that names them writes them. */
    public static ArrayNode fieldErrors(ArrayNode into, List<FieldError> errors) {
        errors.forEach(e -> into.addObject().put("pointer", e.pointer()).put("detail", e.detail()));
        return into;
    }

    /**
     * A page for people: HTML with a strict content security policy (only the page's own inline style,
     * no script, forms and the page's own requests go back to this site) and no referrer, since page
     * URLs carry survey tokens.
     */
    public static APIGatewayV2HTTPResponse html(int status, String html) {
        return html(status, html, "'none'");
    }

    /**
     * The same page with the scripts {@code scriptSources} allows, e.g. {@code 'sha256-…'} of its one
     * inline script; never {@code 'unsafe-inline'}, which would let a script injected into the page run.
     */
    public static APIGatewayV2HTTPResponse html(int status, String html, String scriptSources) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of(
                        "content-type", "text/html; charset=utf-8",
                        "cache-control", "no-store",
                        "content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; script-src " + scriptSources + "; "
                                + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                        "referrer-policy", "no-referrer",
                        "x-content-type-options", "nosniff"))
                .withBody(html)
                .withIsBase64Encoded(false)
                .build();
    }

    /** A body of another type, e.g. an SVG image, cacheable for a day. */
    public static APIGatewayV2HTTPResponse content(int status, String contentType, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", contentType, "cache-control", "public, max-age=86400",
                        "x-content-type-options", "nosniff"))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * The answer to what no route serves, in AWS (the API's {@code $default} route) as locally: 405 with
     * {@code allow} when the catalogue serves the path with other methods, else 404; a problem either way.
     */
    public static APIGatewayV2HTTPResponse noRoute(String method, String path) {
        String instance = path.replaceAll("[^A-Za-z0-9/_.{}-]", "");
        List<String> allowed = Route.methodsOn(path);
        if (allowed.isEmpty()) {
            return problem(404, ProblemType.NOT_FOUND, "No route serves " + method.replaceAll("[^A-Z]", "")
                    + " on this path; docs/openapi.yaml lists every route.", instance);
        }
        return withHeaders(problem(405, ProblemType.METHOD_NOT_ALLOWED, "This path takes " + String.join(", ", allowed) + ".", instance),
                Map.of("allow", String.join(", ", allowed)));
    }

    /** The same answer with more headers (CORS, for instance). */
    public static APIGatewayV2HTTPResponse withHeaders(APIGatewayV2HTTPResponse response, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        headers.putAll(extra);
        response.setHeaders(headers);
        return response;
    }

    private static ObjectNode problemBody(int status, ProblemType type, String detail, String instance) {
        ObjectNode body = StrictJson.object();
        body.put("type", type.urn());
        body.put("title", type.title());
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
