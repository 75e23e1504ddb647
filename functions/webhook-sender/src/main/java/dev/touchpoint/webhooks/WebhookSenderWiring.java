package dev.touchpoint.webhooks;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.sqs.SqsDeadLetterQueue;
import dev.touchpoint.aws.sqs.SqsRetryDelay;
import dev.touchpoint.domain.webhook.WebhookDeliverer;
import dev.touchpoint.domain.webhook.WebhookEndpoint;
import dev.touchpoint.domain.webhook.WebhookSignature;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Composition root of webhook-sender.
 *
 * <ul>
 *   <li>{@code TOUCHPOINT_TABLE}: where the responses are read</li>
 *   <li>{@code TOUCHPOINT_WEBHOOK_URLS}: the endpoints, {@code name=https://…,…}</li>
 *   <li>{@code TOUCHPOINT_WEBHOOK_SECRET} (or {@code …_SECRET_ARN}): the signing secret</li>
 *   <li>{@code TOUCHPOINT_WEBHOOK_QUEUE_URL}, {@code TOUCHPOINT_WEBHOOK_DLQ_URL}: the queue (for backoff) and its DLQ</li>
 *   <li>{@code TOUCHPOINT_WEBHOOK_MAX_ATTEMPTS} (8) and {@code TOUCHPOINT_WEBHOOK_BACKOFF_SECONDS} (30): the retry schedule</li>
 * </ul>
 */
public final class WebhookSenderWiring {

    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final int DEFAULT_BACKOFF_SECONDS = 30;

    private WebhookSenderWiring() {
    }

    public static WebhookBatchHandler.Batch build(Environment env) {
        SqsClient sqs = AwsClients.sqs(env);
        WebhookDeliverer deliverer = new WebhookDeliverer(WebhookEndpoint.parse(env.optional("TOUCHPOINT_WEBHOOK_URLS")),
                new DynamoDbResponseRepository(AwsClients.dynamoDb(env), env.required("TOUCHPOINT_TABLE")),
                WebhookSignature.fromSecret(SecretSettings.read(env, "TOUCHPOINT_WEBHOOK_SECRET")
                        .orElseThrow(() -> new IllegalStateException("TOUCHPOINT_WEBHOOK_SECRET is not configured"))),
                new HttpWebhookTransport(), Clock.systemUTC());
        return new WebhookBatch(deliverer, new SqsRetryDelay(sqs, env.required("TOUCHPOINT_WEBHOOK_QUEUE_URL")),
                new SqsDeadLetterQueue(sqs, env.required("TOUCHPOINT_WEBHOOK_DLQ_URL")),
                env.integer("TOUCHPOINT_WEBHOOK_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS),
                Duration.ofSeconds(env.integer("TOUCHPOINT_WEBHOOK_BACKOFF_SECONDS", DEFAULT_BACKOFF_SECONDS)))::process;
    }
}
