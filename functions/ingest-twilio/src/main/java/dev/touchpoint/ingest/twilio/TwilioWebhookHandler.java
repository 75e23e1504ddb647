package dev.touchpoint.ingest.twilio;

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
 * Lambda entry point of {@code POST /webhooks/twilio}. Configuration: {@code TOUCHPOINT_TWILIO_AUTH_TOKEN}
 * (or {@code …_SECRET_ARN}), {@code TOUCHPOINT_PUBLIC_URL}, {@code TOUCHPOINT_QUEUE_URL}, {@code TOUCHPOINT_TABLE}.
 */
public final class TwilioWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final TwilioWebhook WEBHOOK = build(Environment.system());
    }

    private final TwilioWebhook webhook;

    public TwilioWebhookHandler() {
        this(FromEnvironment.WEBHOOK);
    }

    public TwilioWebhookHandler(TwilioWebhook webhook) {
        this.webhook = webhook;
    }

    public static TwilioWebhook build(Environment env) {
        return new TwilioWebhook(SecretSettings.read(env, "TOUCHPOINT_TWILIO_AUTH_TOKEN"), env.required("TOUCHPOINT_PUBLIC_URL"),
                new IdentityNormalizer(env.optional("TOUCHPOINT_DEFAULT_REGION").orElse("TR")),
                new SqsFeedbackQueue(AwsClients.sqs(env), env.required("TOUCHPOINT_QUEUE_URL")),
                new DynamoDbWebhookEventCounter(AwsClients.dynamoDb(env), env.required("TOUCHPOINT_TABLE")), Clock.systemUTC());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return webhook.handle(new HttpRequest(event), message -> context.getLogger().log(message));
    }
}
