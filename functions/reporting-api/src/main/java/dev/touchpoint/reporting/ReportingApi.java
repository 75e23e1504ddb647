package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.contract.Route;
import java.util.Optional;

/**
 * The reporting routes ({@code x-api-key} required): the summary, the responses, and a profile read,
 * exported or erased. What this function holds once per container.
 */
public record ReportingApi(ApiKeys keys, SummaryRoute summary, ProfileByIdRoute profiles, ResponsesRoute responses) {

    public APIGatewayV2HTTPResponse handle(HttpRequest request, EventLog log) {
        Optional<Route.Match> match = request.route().filter(m -> m.route().function() == ApiFunction.REPORTING_API);
        if (match.isEmpty()) {
            return HttpResponses.noRoute(request.method(), request.path());
        }
        if (!keys.accepts(request)) {
            return HttpResponses.problem(401, ProblemType.UNAUTHORIZED,
                    "Send a valid key in the " + ApiKeys.HEADER + " header.", request.path());
        }
        try {
            return dispatch(match.get(), request);
        } catch (RuntimeException e) {
            log.error("request.failed", null, match.get().route().key() + " failed: " + e.getClass().getName());
            return HttpResponses.problem(503, ProblemType.TEMPORARILY_UNAVAILABLE, "Retry the report later.",
                    request.path());
        }
    }

    private APIGatewayV2HTTPResponse dispatch(Route.Match match, HttpRequest request) {
        String id = match.pathParameter("id");
        return switch (match.route()) {
            case GET_REPORT_SUMMARY -> summary.handle(request);
            case LIST_RESPONSES -> responses.handle(request);
            case EXPORT_PROFILE -> profiles.export(request, id);
            case ERASE_PROFILE -> profiles.delete(request, id);
            case GET_PROFILE -> profiles.handle(request, id);
            default -> throw new IllegalStateException(match.route() + " is not reporting-api's");
        };
    }
}
