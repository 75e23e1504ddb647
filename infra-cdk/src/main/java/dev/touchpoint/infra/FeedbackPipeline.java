package dev.touchpoint.infra;

import dev.touchpoint.contract.config.Setting;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The feedback queue, its DLQ and the processor: ingest functions send here, the processor takes
 * batches through an event source mapping with partial batch failures, and a message that failed five
 * times lands in the DLQ (the processor attaches the reason on the last attempt).
 */
public final class FeedbackPipeline extends Construct {

    static final int MAX_RECEIVE_COUNT = 5;
    static final Duration PROCESSOR_TIMEOUT = Duration.seconds(30);
    /** AWS's advice for Lambda consumers: at least six times the function timeout. */
    static final Duration VISIBILITY_TIMEOUT = Duration.seconds(6 * 30);
    static final int MAX_CONCURRENCY = 10;

    private final Queue queue;
    private final Queue deadLetters;
    private final TouchpointFunction processor;

    public FeedbackPipeline(Construct scope, String id, StageProps props) {
        super(scope, id);
        FeedbackStore store = props.store();
        StageConfig config = props.config();
        FunctionJars jars = props.jars();
        RemovalPolicy logRemoval = props.removal();
        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        this.queue = Queue.Builder.create(this, "Queue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(VISIBILITY_TIMEOUT)
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                .build();
        this.processor = new TouchpointFunction(this, "Processor", TouchpointFunctionProps.builder()
                .name("processor").handler("dev.touchpoint.processor.ProcessorStreamHandler::handleRequest")
                .timeout(PROCESSOR_TIMEOUT).description("Records queued feedback: profiles, responses, aggregates")
                .jars(jars).environment(Map.of(Setting.TABLE.variable(), store.table().getTableName(),
                        Setting.DLQ_URL.variable(), deadLetters.getQueueUrl(),
                        Setting.MAX_RECEIVE_COUNT.variable(), Integer.toString(MAX_RECEIVE_COUNT),
                        Setting.DEFAULT_REGION.variable(), config.defaultPhoneRegion()))
                .logRemoval(logRemoval)
                .build());
        // BatchGetItem: a batch's customers are read ahead in one call (ReadAheadProfiles).
        processor.allow(store.allowOnTable("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"));
        processor.allow(sendTo(deadLetters));
        // The event source grants the processor the receive, delete and visibility actions on this queue.
        processor.live().addEventSource(SqsEventSource.Builder.create(queue)
                .batchSize(10)
                .maxBatchingWindow(Duration.seconds(1))
                .reportBatchItemFailures(true)
                .maxConcurrency(MAX_CONCURRENCY)
                .build());
    }

    /** The one permission an ingest function needs: to send to the feedback queue. */
    public PolicyStatement allowSend() {
        return sendTo(queue);
    }

    private static PolicyStatement sendTo(Queue target) {
        return PolicyStatement.Builder.create()
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(target.getQueueArn()))
                .build();
    }

    public Queue queue() {
        return queue;
    }

    public Queue deadLetters() {
        return deadLetters;
    }

    public TouchpointFunction processor() {
        return processor;
    }
}
