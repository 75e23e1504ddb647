package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point for the HTTP API routes of ingest-api. */
public final class IngestApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final IngestApi API = IngestApiWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("ingest-api", () -> IngestApiWiring.prime(Environment.system(), API));
        }
    }

    private final IngestApi api;

    public IngestApiHandler() {
        this(FromEnvironment.API);
    }

    public IngestApiHandler(IngestApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(new HttpRequest(event), JsonLines.of("ingest-api", context));
    }
}
