package dev.touchpoint.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Outgoing webhooks, deployed when the {@code webhookUrls} context names endpoints: the processor
 * queues one delivery per endpoint and response; webhook-sender POSTs it signed with a generated
 * secret, backs off by lengthening the record's visibility (up to 12 hours), and parks it in the DLQ
 * with its reason after the last attempt. The queue's redrive policy is the backstop.
 */
public final class OutgoingWebhooks extends Construct {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration SENDER_TIMEOUT = Duration.seconds(30);

    private final Queue deadLetters;
    private final TouchpointFunction sender;
    private final Secret signingSecret;

    public OutgoingWebhooks(Construct scope, String id, String webhookUrls, FeedbackStore store, FeedbackPipeline pipeline,
                            FunctionJars jars, RemovalPolicy removal) {
        super(scope, id);
        // Fail the synth, not the first delivery, on a malformed list (the functions check it again).
        for (String entry : webhookUrls.split(",")) {
            if (!entry.strip().matches("[a-z0-9][a-z0-9_-]{0,31}=https://[^\\s,]+")) {
                throw new IllegalArgumentException("webhookUrls: each entry is name=https://…, the name 1 to 32 of a-z 0-9 _ -");
            }
        }
        this.deadLetters = Queue.Builder.create(this, "DeadLetters").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .retentionPeriod(Duration.days(14)).build();
        Queue queue = Queue.Builder.create(this, "Queue").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .visibilityTimeout(Duration.seconds(6 * SENDER_TIMEOUT.toSeconds().intValue()))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_ATTEMPTS).build())
                .build();
        this.signingSecret = Secret.Builder.create(this, "SigningSecret")
                .description("Signs outgoing webhooks (Standard Webhooks, HMAC-SHA256); give it to each receiver. "
                        + "A value written whsec_<base64> is used as those bytes")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .removalPolicy(removal).build();
        this.sender = new TouchpointFunction(this, "Sender", new TouchpointFunction.Spec("webhook-sender",
                "dev.touchpoint.webhooks.WebhookBatchHandler::handleRequest", 1024, SENDER_TIMEOUT,
                "Delivers outgoing webhooks, signed, with backoff"), jars,
                Map.of("TOUCHPOINT_TABLE", store.table().getTableName(),
                        "TOUCHPOINT_WEBHOOK_URLS", webhookUrls,
                        "TOUCHPOINT_WEBHOOK_SECRET_SECRET_ARN", signingSecret.getSecretArn(),
                        "TOUCHPOINT_WEBHOOK_QUEUE_URL", queue.getQueueUrl(),
                        "TOUCHPOINT_WEBHOOK_DLQ_URL", deadLetters.getQueueUrl(),
                        "TOUCHPOINT_WEBHOOK_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS)),
                removal);
        sender.allow(store.allowOnTable("dynamodb:GetItem"));
        sender.allow(PolicyStatement.Builder.create().actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(signingSecret.getSecretArn())).build());
        sender.allow(PolicyStatement.Builder.create().actions(List.of("sqs:SendMessage"))
                .resources(List.of(deadLetters.getQueueArn())).build());
        // The event source grants receive, delete and ChangeMessageVisibility (the backoff) on the queue.
        sender.live().addEventSource(SqsEventSource.Builder.create(queue).batchSize(10)
                .maxBatchingWindow(Duration.seconds(1)).reportBatchItemFailures(true).build());

        TouchpointFunction processor = pipeline.processor();
        processor.function().addEnvironment("TOUCHPOINT_WEBHOOK_URLS", webhookUrls);
        processor.function().addEnvironment("TOUCHPOINT_WEBHOOK_QUEUE_URL", queue.getQueueUrl());
        processor.allow(PolicyStatement.Builder.create().actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn())).build());
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    public TouchpointFunction sender() {
        return sender;
    }

    public Secret signingSecret() {
        return signingSecret;
    }
}
