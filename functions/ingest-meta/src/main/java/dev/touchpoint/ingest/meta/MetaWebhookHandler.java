package dev.touchpoint.ingest.meta;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.dynamodb.DynamoDbWebhookEventCounter;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import java.time.Clock;

/**
 * Lambda entry point of {@code GET|POST /webhooks/whatsapp} and {@code /webhooks/messenger}.
 * Configuration: {@code TOUCHPOINT_META_APP_SECRET} and {@code TOUCHPOINT_META_VERIFY_TOKEN} (or their
 * {@code …_SECRET_ARN}), {@code TOUCHPOINT_QUEUE_URL}, {@code TOUCHPOINT_TABLE}.
 */
public final class MetaWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final MetaWebhook WEBHOOK = build(Environment.system());
    }

    private final MetaWebhook webhook;

    public MetaWebhookHandler() {
        this(FromEnvironment.WEBHOOK);
    }

    public MetaWebhookHandler(MetaWebhook webhook) {
        this.webhook = webhook;
    }

    public static MetaWebhook build(Environment env) {
        return new MetaWebhook(SecretSettings.read(env, "TOUCHPOINT_META_APP_SECRET"),
                SecretSettings.read(env, "TOUCHPOINT_META_VERIFY_TOKEN"),
                new IdentityNormalizer(env.optional("TOUCHPOINT_DEFAULT_REGION").orElse("TR")),
                new SqsFeedbackQueue(AwsClients.sqs(env), env.required("TOUCHPOINT_QUEUE_URL")),
                new DynamoDbWebhookEventCounter(AwsClients.dynamoDb(env), env.required("TOUCHPOINT_TABLE")), Clock.systemUTC());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return webhook.handle(new HttpRequest(event), message -> context.getLogger().log(message));
    }
}
