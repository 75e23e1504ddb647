package dev.touchpoint.ingest.twilio;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** ingest-twilio's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link TwilioWebhookHandler}. */
public final class TwilioWebhookStreamHandler extends JsonStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public TwilioWebhookStreamHandler() {
        super("ingest-twilio", APIGatewayV2HTTPEvent.class, new TwilioWebhookHandler());
    }
}
