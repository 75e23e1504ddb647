package dev.touchpoint.ingest.meta;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** ingest-meta's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link MetaWebhookHandler}. */
public final class MetaWebhookStreamHandler extends JsonStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public MetaWebhookStreamHandler() {
        super("ingest-meta", APIGatewayV2HTTPEvent.class, new MetaWebhookHandler());
    }
}
