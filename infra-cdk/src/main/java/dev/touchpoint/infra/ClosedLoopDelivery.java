package dev.touchpoint.infra;

import dev.touchpoint.contract.config.Setting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * What follows a response, delivered off the pipeline: the processor queues each detractor alert and
 * each webhook delivery on the closed-loop queue; the closed-loop function publishes alerts to the
 * detractor-alerts topic (subscribe an email, a chat tool or a helpdesk to it) and POSTs webhooks,
 * signed, to the endpoints of the {@code webhookUrls} context. Failures back off by lengthening the
 * record's visibility (up to 12 hours) and are parked in the DLQ with their reason after the last
 * attempt; the queue's redrive policy is the backstop. The processor itself may publish to no topic
 * (its SNS grant is for SMS replies only).
 */
public final class ClosedLoopDelivery extends Construct {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration FUNCTION_TIMEOUT = Duration.seconds(30);

    private final Queue deadLetters;
    private final TouchpointFunction function;
    private final Topic alerts;
    private final Optional<Secret> signingSecret;

    public ClosedLoopDelivery(Construct scope, String id, ClosedLoopDeliveryProps props) {
        super(scope, id);
        Optional<String> webhookUrls = props.webhookUrls();
        FeedbackStore store = props.stage().store();
        FeedbackPipeline pipeline = props.pipeline();
        FunctionJars jars = props.stage().jars();
        RemovalPolicy removal = props.stage().removal();
        webhookUrls.ifPresent(ClosedLoopDelivery::checkUrls);
        this.deadLetters = Queue.Builder.create(this, "DeadLetters").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .retentionPeriod(Duration.days(14)).build();
        Queue queue = Queue.Builder.create(this, "Queue").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .visibilityTimeout(Duration.seconds(6 * FUNCTION_TIMEOUT.toSeconds().intValue()))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_ATTEMPTS).build())
                .build();
        this.alerts = Topic.Builder.create(this, "DetractorAlerts").enforceSsl(true)
                .displayName("Touchpoint detractor alerts (NPS 0-6, CSAT 1-2)").build();
        this.signingSecret = webhookUrls.map(urls -> Secret.Builder.create(this, "SigningSecret")
                .description("Signs outgoing webhooks (Standard Webhooks, HMAC-SHA256); give it to each receiver. "
                        + "A value written whsec_<base64> is used as those bytes")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(48).excludePunctuation(true).build())
                .removalPolicy(removal).build());

        Map<String, String> env = new HashMap<>(Map.of(
                Setting.TABLE.variable(), store.table().getTableName(),
                Setting.ALERTS_TOPIC_ARN.variable(), alerts.getTopicArn(),
                Setting.CLOSED_LOOP_QUEUE_URL.variable(), queue.getQueueUrl(),
                Setting.CLOSED_LOOP_DLQ_URL.variable(), deadLetters.getQueueUrl(),
                Setting.WEBHOOK_MAX_ATTEMPTS.variable(), Integer.toString(MAX_ATTEMPTS)));
        webhookUrls.ifPresent(urls -> env.put(Setting.WEBHOOK_URLS.variable(), urls));
        signingSecret.ifPresent(secret -> env.put(Setting.WEBHOOK_SECRET.secretArnVariable(), secret.getSecretArn()));
        this.function = new TouchpointFunction(this, "Function", TouchpointFunctionProps.builder()
                .name("closed-loop").handler("dev.touchpoint.closedloop.ClosedLoopStreamHandler::handleRequest")
                .timeout(FUNCTION_TIMEOUT).description("Detractor alerts to SNS and outgoing webhooks, with backoff")
                .jars(jars).environment(env)
                .logRemoval(removal)
                .build());
        function.allow(store.allowOnTable("dynamodb:GetItem"));
        function.allow(PolicyStatement.Builder.create().actions(List.of("sns:Publish")).resources(List.of(alerts.getTopicArn())).build());
        signingSecret.ifPresent(secret -> function.allow(PolicyStatement.Builder.create()
                .actions(List.of("secretsmanager:GetSecretValue")).resources(List.of(secret.getSecretArn())).build()));
        function.allow(PolicyStatement.Builder.create().actions(List.of("sqs:SendMessage"))
                .resources(List.of(deadLetters.getQueueArn())).build());
        // The event source grants receive, delete and ChangeMessageVisibility (the backoff) on the queue.
        function.live().addEventSource(SqsEventSource.Builder.create(queue).batchSize(10)
                .maxBatchingWindow(Duration.seconds(1)).reportBatchItemFailures(true).build());

        TouchpointFunction processor = pipeline.processor();
        processor.function().addEnvironment(Setting.CLOSED_LOOP_QUEUE_URL.variable(), queue.getQueueUrl());
        webhookUrls.ifPresent(urls -> processor.function().addEnvironment(Setting.WEBHOOK_URLS.variable(), urls));
        processor.allow(PolicyStatement.Builder.create().actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn())).build());
    }

    /** Fail the synth, not the first delivery, on a malformed list (the functions check it again). */
    private static void checkUrls(String webhookUrls) {
        for (String entry : webhookUrls.split(",")) {
            if (!entry.strip().matches("[a-z0-9][a-z0-9_-]{0,31}=https://[^\\s,]+")) {
                throw new IllegalArgumentException("webhookUrls: each entry is name=https://…, the name 1 to 32 of a-z 0-9 _ -");
            }
        }
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    public TouchpointFunction function() {
        return function;
    }

    public Topic alerts() {
        return alerts;
    }

    public Optional<Secret> signingSecret() {
        return signingSecret;
    }
}
