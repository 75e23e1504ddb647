package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemException;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.contract.Route;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a request to its use case after the checks every {@code /v1} route shares. A failure of ours
 * is logged without personal data and answered 503 with a problem that carries no internals.
 */
public final class IngestApi {

    private final ApiKeys apiKeys;
    private final WidgetAccess widgets;
    private final Map<Route, ApiRoute> routes = new EnumMap<>(Route.class);

    IngestApi(ApiKeys apiKeys, WidgetAccess widgets, List<ApiRoute> routes) {
        this.apiKeys = apiKeys;
        this.widgets = widgets;
        routes.forEach(route -> this.routes.put(route.route(), route));
    }

    public APIGatewayV2HTTPResponse handle(HttpRequest request, EventLog log) {
        Optional<Route> matched = request.route().map(Route.Match::route);
        if (matched.equals(Optional.of(Route.FEEDBACK_PREFLIGHT))) {
            return widgets.preflight(request);
        }
        ApiRoute route = matched.map(routes::get).orElse(null);
        if (route == null) {
            // Also the API's $default route in AWS: whatever no route serves ends here.
            return HttpResponses.noRoute(request.method(), request.path());
        }
        boolean widget = !apiKeys.accepts(request) && widgets.isPresented(request) && route.route() == Route.SUBMIT_FEEDBACK;
        if (!apiKeys.accepts(request) && !widget) {
            return HttpResponses.problem(401, ProblemType.UNAUTHORIZED,
                    "Send a valid key in the " + ApiKeys.HEADER + " header.", request.path());
        }
        try {
            return widget ? widgets.submit(request, (FeedbackRoute) route) : route.handle(request);
        } catch (ProblemException problem) {
            return problem.response();
        } catch (RuntimeException e) {
            log.error("request.failed", null, route.route().key() + " failed: " + e.getClass().getName());
            return HttpResponses.problem(503, ProblemType.TEMPORARILY_UNAVAILABLE,
                    "The request was not accepted; nothing was stored. Retry it later.", request.path());
        }
    }
}
