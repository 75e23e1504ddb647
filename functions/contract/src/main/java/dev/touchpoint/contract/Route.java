package dev.touchpoint.contract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every route of the HTTP API, once: method, path, the function that serves it and who may call it.
 * The functions dispatch on it, the local runtime mounts it, the CDK app creates API Gateway routes
 * from it, and {@code RouteCatalogueTest} holds it and docs/openapi.yaml equal in both directions.
 * Constants are named after the spec's operationIds. Their order is the order the CDK app adds routes
 * in, which names each function's integration after its first route: reorder, and a deploy replaces
 * that integration.
 */
public enum Route {
    SUBMIT_FEEDBACK("POST", "/v1/feedback", ApiFunction.INGEST_API, Caller.API_KEY_OR_PUBLISHABLE_KEY),
    FEEDBACK_PREFLIGHT("OPTIONS", "/v1/feedback", ApiFunction.INGEST_API, Caller.ANONYMOUS),
    RECORD_INTERACTION("POST", "/v1/interactions", ApiFunction.INGEST_API, Caller.API_KEY),
    SUBMIT_FEEDBACK_BATCH("POST", "/v1/feedback/batch", ApiFunction.INGEST_API, Caller.API_KEY),
    IMPORT_FEEDBACK("POST", "/v1/imports", ApiFunction.INGEST_API, Caller.API_KEY),
    FIND_PROFILE("GET", "/v1/profiles", ApiFunction.INGEST_API, Caller.API_KEY),
    SEND_TEAM_REPLY("POST", "/v1/replies", ApiFunction.INGEST_API, Caller.API_KEY),
    GET_REPORT_SUMMARY("GET", "/v1/reports/summary", ApiFunction.REPORTING_API, Caller.API_KEY),
    LIST_RESPONSES("GET", "/v1/responses", ApiFunction.REPORTING_API, Caller.API_KEY),
    GET_PROFILE("GET", "/v1/profiles/{id}", ApiFunction.REPORTING_API, Caller.API_KEY),
    ERASE_PROFILE("DELETE", "/v1/profiles/{id}", ApiFunction.REPORTING_API, Caller.API_KEY),
    EXPORT_PROFILE("GET", "/v1/profiles/{id}/export", ApiFunction.REPORTING_API, Caller.API_KEY),
    SHOW_INVITATION_SURVEY("GET", "/s/{token}", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    ANSWER_INVITATION_SURVEY("POST", "/s/{token}", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    SHOW_KIOSK_SURVEY("GET", "/k/{touchpoint}", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    ANSWER_KIOSK_SURVEY("POST", "/k/{touchpoint}", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    SHOW_QR_SURVEY("GET", "/q/{touchpoint}", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    ANSWER_QR_SURVEY("POST", "/q/{touchpoint}", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    GET_TOUCHPOINT_QR_CODE("GET", "/v1/touchpoints/{id}/qr.svg", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    GET_WIDGET_SCRIPT("GET", "/widget.js", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    GET_WIDGET_SURVEY("GET", "/w/surveys/{id}", ApiFunction.SURVEY_WEB, Caller.ANONYMOUS),
    RECEIVE_TWILIO_WEBHOOK("POST", "/webhooks/twilio", ApiFunction.INGEST_TWILIO, Caller.PROVIDER),
    VERIFY_WHATSAPP_WEBHOOK("GET", "/webhooks/whatsapp", ApiFunction.INGEST_META, Caller.PROVIDER),
    RECEIVE_WHATSAPP_WEBHOOK("POST", "/webhooks/whatsapp", ApiFunction.INGEST_META, Caller.PROVIDER),
    VERIFY_MESSENGER_WEBHOOK("GET", "/webhooks/messenger", ApiFunction.INGEST_META, Caller.PROVIDER),
    RECEIVE_MESSENGER_WEBHOOK("POST", "/webhooks/messenger", ApiFunction.INGEST_META, Caller.PROVIDER);

    /** A request's route and the values of the path's parameters, e.g. {@code id} of {@code /v1/profiles/{id}}. */
    public record Match(Route route, Map<String, String> pathParameters) {
        public String pathParameter(String name) {
            return pathParameters.get(name);
        }
    }

    private final String method;
    private final String path;
    private final ApiFunction function;
    private final Caller caller;
    private final String[] segments;

    Route(String method, String path, ApiFunction function, Caller caller) {
        this.method = method;
        this.path = path;
        this.function = function;
        this.caller = caller;
        this.segments = split(path);
    }

    public String method() {
        return method;
    }

    /** The path as API Gateway and OpenAPI write it, parameters in braces. */
    public String path() {
        return path;
    }

    public ApiFunction function() {
        return function;
    }

    public Caller caller() {
        return caller;
    }

    /** API Gateway's route key, e.g. {@code GET /v1/profiles/{id}}: what an HTTP API event names. */
    public String key() {
        return method + " " + path;
    }

    public static List<Route> servedBy(ApiFunction function) {
        return Arrays.stream(values()).filter(route -> route.function == function).toList();
    }

    /** The route of a request, matched as API Gateway matches: one path segment per parameter, never empty. */
    public static Optional<Match> match(String method, String path) {
        String[] requested = split(path);
        for (Route route : values()) {
            if (route.method.equals(method)) {
                Map<String, String> parameters = route.parameters(requested);
                if (parameters != null) {
                    return Optional.of(new Match(route, Map.copyOf(parameters)));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route serves on this path: when it is not empty, another method is a 405, not a 404. */
    public static List<String> methodsOn(String path) {
        String[] requested = split(path);
        return Arrays.stream(values()).filter(route -> route.parameters(requested) != null).map(Route::method).distinct().toList();
    }

    private Map<String, String> parameters(String[] requested) {
        if (segments.length != requested.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{") && segments[i].endsWith("}")) {
                if (requested[i].isEmpty()) {
                    return null;
                }
                parameters.put(segments[i].substring(1, segments[i].length() - 1), requested[i]);
            } else if (!segments[i].equals(requested[i])) {
                return null;
            }
        }
        return parameters;
    }

    private static String[] split(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    }
}
