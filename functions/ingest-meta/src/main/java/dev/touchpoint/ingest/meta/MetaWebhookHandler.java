package dev.touchpoint.ingest.meta;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point of {@code /webhooks/whatsapp} and {@code /webhooks/messenger}; {@link MetaWebhookWiring} builds it. */
public final class MetaWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final MetaWebhook WEBHOOK = MetaWebhookWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("ingest-meta", () -> MetaWebhookWiring.prime(Environment.system(), WEBHOOK));
        }
    }

    private final MetaWebhook webhook;

    public MetaWebhookHandler() {
        this(FromEnvironment.WEBHOOK);
    }

    public MetaWebhookHandler(MetaWebhook webhook) {
        this.webhook = webhook;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return webhook.handle(new HttpRequest(event), JsonLines.of("ingest-meta", context));
    }
}
