package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point of the reporting routes ({@link ReportingApi}); {@link ReportingApiWiring} builds them. */
public final class ReportingApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final ReportingApi API = ReportingApiWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("reporting-api", () -> ReportingApiWiring.prime(Environment.system(), API));
        }
    }

    private final ReportingApi api;

    public ReportingApiHandler() {
        this(FromEnvironment.API);
    }

    public ReportingApiHandler(ReportingApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(new HttpRequest(event), JsonLines.of("reporting-api", context));
    }
}
