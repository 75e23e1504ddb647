package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import java.util.function.Consumer;

/**
 * Routes a request to its use case after the checks every {@code /v1} route shares. A failure of ours
 * is logged without personal data and answered with a problem that carries no internals.
 */
public final class IngestApi {

    private final ApiKeys apiKeys;
    private final FeedbackRoute feedback;
    private final ProfileRoute profiles;

    public IngestApi(ApiKeys apiKeys, FeedbackRoute feedback, ProfileRoute profiles) {
        this.apiKeys = apiKeys;
        this.feedback = feedback;
        this.profiles = profiles;
    }

    public APIGatewayV2HTTPResponse handle(HttpRequest request, Consumer<String> log) {
        String route = request.method() + " " + request.path();
        try {
            if (!route.equals(FeedbackRoute.ROUTE) && !route.equals(ProfileRoute.ROUTE)) {
                return HttpResponses.problem(404, "not-found", "No such route", "This function serves "
                        + FeedbackRoute.ROUTE + " and " + ProfileRoute.ROUTE + ".", request.path());
            }
            if (!apiKeys.accepts(request)) {
                return HttpResponses.problem(401, "unauthorized", "Missing or wrong API key",
                        "Send a valid key in the " + ApiKeys.HEADER + " header.", request.path());
            }
            return route.equals(FeedbackRoute.ROUTE) ? feedback.handle(request) : profiles.handle(request);
        } catch (RuntimeException e) {
            log.accept("ingest-api failed on " + route + ": " + e.getClass().getName());
            return HttpResponses.problem(503, "temporarily-unavailable", "Temporarily unavailable",
                    "The request was not accepted; nothing was stored. Retry it later.", request.path());
        }
    }
}
