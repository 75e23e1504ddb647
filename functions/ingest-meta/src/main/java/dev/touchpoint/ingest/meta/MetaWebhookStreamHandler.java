package dev.touchpoint.ingest.meta;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.lambda.JsonEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** ingest-meta's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link MetaWebhookHandler}. */
public final class MetaWebhookStreamHandler implements RequestStreamHandler {

    private final JsonEvents<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> events = JsonEvents.bind("ingest-meta", APIGatewayV2HTTPEvent.class, MetaWebhookHandler::new);

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        events.handle(event, answer, context);
    }
}
