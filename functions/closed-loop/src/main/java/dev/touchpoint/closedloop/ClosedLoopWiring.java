package dev.touchpoint.closedloop;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.lambda.SampleEvents;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.sns.SnsClients;
import dev.touchpoint.aws.sns.SnsDetractorAlerts;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.aws.sqs.SqsDeadLetterQueue;
import dev.touchpoint.aws.sqs.SqsRetryDelay;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.feedback.DeadLetterQueue;
import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.domain.webhook.WebhookEndpoint;
import dev.touchpoint.domain.webhook.WebhookSignature;
import dev.touchpoint.domain.webhook.delivery.WebhookDeliverer;
import dev.touchpoint.http.webhooks.HttpWebhookTransport;
import dev.touchpoint.wire.webhook.WebhookBodyJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Composition root of closed-loop: its settings are {@link ClosedLoopSettings}. */
public final class ClosedLoopWiring {

    private ClosedLoopWiring() {
    }

    public static ClosedLoopBatch build(Environment env) {
        ClosedLoopSettings settings = ClosedLoopSettings.from(env);
        return build(env, settings, settings.alertsTopicArn()
                .<DetractorAlerts.Channel>map(arn -> {
                    SnsClient sns = SnsClients.create(env);
                    SnsClients.firstCall(env, sns, arn);
                    return new SnsDetractorAlerts(sns, arn);
                })
                .orElseGet(() -> {
                    JsonLines.of("closed-loop", (String) null).warn("config.missing", null,
                            Setting.ALERTS_TOPIC_ARN.variable() + " not set; detractor alerts are dropped");
                    return alert -> { };
                }));
    }

    /** With another destination for alerts: the local runtime's outbox. */
    public static ClosedLoopBatch build(Environment env, DetractorAlerts.Channel alerts) {
        return build(env, ClosedLoopSettings.from(env), alerts);
    }

    private static ClosedLoopBatch build(Environment env, ClosedLoopSettings settings, DetractorAlerts.Channel alerts) {
        SqsClient sqs = SqsClients.create(env);
        SqsClients.firstCall(env, sqs, settings.queueUrl());
        return new ClosedLoopBatch(alerts, webhooks(env, settings), new SqsRetryDelay(sqs, settings.queueUrl()),
                new SqsDeadLetterQueue(sqs, settings.dlqUrl()), settings.maxAttempts(), settings.backoff(),
                EmfMetrics.from(env, "closed-loop"));
    }

    /** A detractor alert as the processor queues it (events/README.md): what priming walks through. */
    private static final String SAMPLE_ALERT = "sqs/detractor-alert.json";

    /**
     * SnapStart priming (no side effects): the sample alert through a batch like this one whose alert
     * goes to a topic beside the real one that does not exist (refused: the role may publish to its own
     * topic only; without a topic, a stand-in that fails), so the batch then walks its retry path,
     * delaying a receipt no message has (refused too). Nothing is published, delayed or parked.
     */
    public static void prime(Environment env) {
        ClosedLoopSettings settings = ClosedLoopSettings.from(env);
        SqsClient sqs = SqsClients.create(env);
        DetractorAlerts.Channel missingTopic = settings.alertsTopicArn()
                .<DetractorAlerts.Channel>map(arn -> new SnsDetractorAlerts(SnsClients.create(env), arn + "-priming-no-such-topic"))
                .orElse(alert -> {
                    throw new IllegalStateException("no alerts topic to prime");
                });
        DeadLetterQueue parksNothing = (body, reason, count) -> {
            throw new IllegalStateException("priming parks nothing");
        };
        ClosedLoopBatch offline = new ClosedLoopBatch(missingTopic, Optional.empty(),
                new SqsRetryDelay(sqs, settings.queueUrl()), parksNothing, ClosedLoopSettings.DEFAULT_MAX_ATTEMPTS, Duration.ofSeconds(1),
                EmfMetrics.NONE);
        if (offline.process(SampleEvents.read(SAMPLE_ALERT, SQSEvent.class), line -> { }).getBatchItemFailures().size() != 1) {
            throw new IllegalStateException("the sample alert was not refused and left for a retry");
        }
    }

    /**
     * Without endpoints there is nothing to deliver, so no secret, table client or HTTP client is made
     * on the start path; a delivery queued for an endpoint since removed is dropped with a log line.
     */
    private static Optional<WebhookDeliverer> webhooks(Environment env, ClosedLoopSettings settings) {
        List<WebhookEndpoint> endpoints = settings.webhookEndpoints();
        if (endpoints.isEmpty()) {
            return Optional.empty();
        }
        WebhookSignature signature = WebhookSignature.fromSecret(SecretSettings.read(env, Setting.WEBHOOK_SECRET)
                .orElseThrow(() -> new IllegalStateException(Setting.WEBHOOK_URLS.variable() + " names endpoints but "
                        + Setting.WEBHOOK_SECRET.variable() + " is not configured")));
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        String table = settings.table().orElseThrow();
        DynamoDbClients.firstCall(env, dynamo, table);
        return Optional.of(new WebhookDeliverer(endpoints, new DynamoDbResponseRepository(dynamo, table), signature,
                new HttpWebhookTransport(), new WebhookBodyJson(), Clock.systemUTC()));
    }
}
