package dev.touchpoint.ingest.twilio;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point of {@code POST /webhooks/twilio}; {@link TwilioWebhookWiring} builds what it holds. */
public final class TwilioWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final TwilioWebhook WEBHOOK = TwilioWebhookWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("ingest-twilio", () -> TwilioWebhookWiring.prime(Environment.system(), WEBHOOK));
        }
    }

    private final TwilioWebhook webhook;

    public TwilioWebhookHandler() {
        this(FromEnvironment.WEBHOOK);
    }

    public TwilioWebhookHandler(TwilioWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return webhook.handle(new HttpRequest(event), JsonLines.of("ingest-twilio", context));
    }
}
