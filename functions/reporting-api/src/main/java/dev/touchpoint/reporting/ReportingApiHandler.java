package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.dynamodb.DynamoDbAggregateReader;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.domain.reports.SummaryReport;
import java.time.Clock;

/**
 * Lambda entry point of the reporting routes ({@code x-api-key} required). Configuration:
 * {@code TOUCHPOINT_TABLE}, {@code TOUCHPOINT_API_KEY} (or {@code …_SECRET_ARN}).
 */
public final class ReportingApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** What this function holds once per container. */
    public record Routes(ApiKeys keys, SummaryRoute summary) {
    }

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final Routes ROUTES = build(Environment.system());
    }

    private final Routes routes;

    public ReportingApiHandler() {
        this(FromEnvironment.ROUTES);
    }

    public ReportingApiHandler(Routes routes) {
        this.routes = routes;
    }

    public static Routes build(Environment env) {
        return new Routes(ApiKeys.of(SecretSettings.read(env, "TOUCHPOINT_API_KEY")), new SummaryRoute(
                new SummaryReport(new DynamoDbAggregateReader(AwsClients.dynamoDb(env), env.required("TOUCHPOINT_TABLE"))),
                Clock.systemUTC()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        if (!(request.method() + " " + request.path()).equals("GET /v1/reports/summary")) {
            return HttpResponses.problem(404, "not-found", "No such route", "This function serves GET /v1/reports/summary.", request.path());
        }
        if (!routes.keys().accepts(request)) {
            return HttpResponses.problem(401, "unauthorized", "Missing or wrong API key",
                    "Send a valid key in the " + ApiKeys.HEADER + " header.", request.path());
        }
        try {
            return routes.summary().handle(request);
        } catch (RuntimeException e) {
            context.getLogger().log("reporting-api failed: " + e.getClass().getName());
            return HttpResponses.problem(503, "temporarily-unavailable", "Temporarily unavailable", "Retry the report later.",
                    request.path());
        }
    }
}
