package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** ingest-api's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link IngestApiHandler}. */
public final class IngestApiStreamHandler extends JsonStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public IngestApiStreamHandler() {
        super("ingest-api", APIGatewayV2HTTPEvent.class, new IngestApiHandler());
    }
}
