package dev.touchpoint.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.closedloop.ClosedLoopHandler;
import dev.touchpoint.closedloop.ClosedLoopSettings;
import dev.touchpoint.closedloop.ClosedLoopWiring;
import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.delivery.DeliveryEventsHandler;
import dev.touchpoint.delivery.DeliveryEventsWiring;
import dev.touchpoint.dispatcher.SurveyDispatcherHandler;
import dev.touchpoint.dispatcher.SurveyDispatcherWiring;
import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.ingest.api.IngestApiHandler;
import dev.touchpoint.ingest.api.IngestApiWiring;
import dev.touchpoint.ingest.email.EmailReplyHandler;
import dev.touchpoint.ingest.email.EmailReplyWiring;
import dev.touchpoint.ingest.meta.MetaWebhookHandler;
import dev.touchpoint.ingest.meta.MetaWebhookWiring;
import dev.touchpoint.ingest.sms.TwoWaySmsHandler;
import dev.touchpoint.ingest.sms.TwoWaySmsWiring;
import dev.touchpoint.ingest.twilio.TwilioWebhookHandler;
import dev.touchpoint.ingest.twilio.TwilioWebhookWiring;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.local.embedded.EmbeddedSqs;
import dev.touchpoint.local.embedded.KeptAliveConnections;
import dev.touchpoint.local.embedded.QueueSpool;
import dev.touchpoint.local.embedded.SuiteResources;
import dev.touchpoint.local.http.LocalAdminRoutes;
import dev.touchpoint.local.http.LocalHttpServer;
import dev.touchpoint.local.http.RouteTable;
import dev.touchpoint.local.inbound.DirectoryRawEmailStore;
import dev.touchpoint.local.lambda.LocalFunction;
import dev.touchpoint.local.lambda.LocalFunctions;
import dev.touchpoint.local.lambda.LocalSchedule;
import dev.touchpoint.local.lambda.SqsEventSource;
import dev.touchpoint.local.lambda.StreamFunctions;
import dev.touchpoint.local.outbox.LocalOutbox;
import dev.touchpoint.processor.ProcessorHandler;
import dev.touchpoint.processor.ProcessorWiring;
import dev.touchpoint.processor.replies.ProviderReplySender;
import dev.touchpoint.reporting.ReportingApiHandler;
import dev.touchpoint.reporting.ReportingApiWiring;
import dev.touchpoint.survey.web.SurveyWebHandler;
import dev.touchpoint.survey.web.SurveyWebWiring;
import dev.touchpoint.wire.json.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole suite in one process: embedded DynamoDB Local and ElasticMQ (or the services at
 * {@code AWS_ENDPOINT_URL}), the table and queues, every function through its real handler class,
 * the SQS event source, and one HTTP server for the contract's routes.
 */
public final class LocalRuntime implements AutoCloseable {

    static final String INGEST_API = ApiFunction.INGEST_API.moduleName();
    static final String PROCESSOR = "processor";
    static final String SURVEY_DISPATCHER = "survey-dispatcher";
    static final String SURVEY_WEB = ApiFunction.SURVEY_WEB.moduleName();
    static final String DELIVERY_EVENTS = "delivery-events";
    static final String INGEST_TWILIO = ApiFunction.INGEST_TWILIO.moduleName();
    static final String INGEST_META = ApiFunction.INGEST_META.moduleName();
    static final String INGEST_SMS = "ingest-sms";
    static final String INGEST_EMAIL = "ingest-email";
    static final String REPORTING_API = ApiFunction.REPORTING_API.moduleName();
    static final String CLOSED_LOOP = "closed-loop";
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration SETUP_ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SETUP_CALL_TIMEOUT = Duration.ofSeconds(60);

    private final LocalConfig config;
    private final EmbeddedDynamoDb dynamoServer;
    private final EmbeddedSqs sqsServer;
    private final Map<String, String> functionEnv;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final SuiteResources.Queues queues;
    /** The processor's pollers: {@code TOUCHPOINT_PROCESSOR_POLLERS} (1), as Lambda runs several processors at once. */
    private final List<SqsEventSource> eventSources;
    /** Delivers detractor alerts (to the outbox) and outgoing webhooks. */
    private final SqsEventSource closedLoopSource;
    private final LocalHttpServer http;
    private final LocalFunctions functions;
    private final RouteTable routes;
    private final LocalOutbox outbox = new LocalOutbox(Clock.systemUTC());
    private final LocalSchedule schedule;
    private final DirectoryRawEmailStore inboundMail;

    @SuppressWarnings("unchecked")
    private LocalRuntime(LocalConfig config, EmbeddedDynamoDb dynamoServer, EmbeddedSqs sqsServer) throws Exception {
        this.config = config;
        this.dynamoServer = dynamoServer;
        this.sqsServer = sqsServer;
        Map<String, String> env = awsEnvironment(config, dynamoServer, sqsServer);
        Environment own = Environment.of(patientClients(env));
        this.dynamo = DynamoDbClients.create(own);
        this.sqs = SqsClients.create(own);
        int closedLoopAttempts = Environment.of(env).integer(Setting.WEBHOOK_MAX_ATTEMPTS, ClosedLoopSettings.DEFAULT_MAX_ATTEMPTS);
        this.queues = setUp(() -> {
            SuiteResources.createTable(dynamo, SuiteResources.TABLE);
            return SuiteResources.createQueues(sqs, config.visibilityTimeoutSeconds(), closedLoopAttempts);
        });
        restoreSpooledMessages();
        this.functionEnv = functionEnvironment(env, config, queues);
        this.inboundMail = new DirectoryRawEmailStore(config.inMemory()
                ? Files.createTempDirectory("touchpoint-inbound-mail")
                : config.dataDir().resolve("inbound-mail"));

        LocalFunction<SQSEvent, SQSBatchResponse> processor = new LocalFunction<>(
                PROCESSOR, SQSEvent.class, new ProcessorHandler(ProcessorWiring.build(Environment.of(functionEnv), replySender())));
        @SuppressWarnings({"unchecked", "rawtypes"})
        LocalFunction<Map<String, Object>, Map<String, Object>> dispatcher = new LocalFunction(SURVEY_DISPATCHER, Map.class,
                new SurveyDispatcherHandler(SurveyDispatcherWiring.build(Environment.of(functionEnv),
                        outbox.emailSender(), outbox.smsSender()), EmfMetrics.from(Environment.of(functionEnv), SURVEY_DISPATCHER)));
        this.functions = functions(processor, dispatcher);
        this.routes = RouteTable.fromCatalogue();
        this.schedule = new LocalSchedule(dispatcher, config.dispatchIntervalSeconds());
        String feedbackArn = queueArn(queues.feedbackUrl());
        this.eventSources = IntStream.range(0, Environment.of(functionEnv).integer(Setting.PROCESSOR_POLLERS, 1))
                .mapToObj(i -> new SqsEventSource(sqs, queues.feedbackUrl(), feedbackArn, processor)).toList();
        LocalFunction<SQSEvent, SQSBatchResponse> closedLoop = new LocalFunction<>(
                CLOSED_LOOP, SQSEvent.class, new ClosedLoopHandler(ClosedLoopWiring.build(Environment.of(functionEnv), outbox.alertChannel())));
        functions.add(closedLoop);
        this.closedLoopSource = new SqsEventSource(sqs, queues.closedLoopUrl(), queueArn(queues.closedLoopUrl()), closedLoop);
        LocalHttpServer.cutOffSlowRequestsAfter(Environment.of(functionEnv).integer(Setting.READ_TIMEOUT_SECONDS, 30));
        this.http = new LocalHttpServer(config.port(), routes, functions,
                new LocalAdminRoutes(functions, this::healthJson, outbox::json, this::redrive));
        eventSources.forEach(SqsEventSource::start);
        closedLoopSource.start();
        schedule.start();
        http.start();
    }

    /** What every function reads: the AWS endpoints, the table and queues just made, the runtime's keys and address. */
    private static Map<String, String> functionEnvironment(Map<String, String> env, LocalConfig config, SuiteResources.Queues queues) {
        env.put(Setting.TABLE.variable(), SuiteResources.TABLE);
        env.put(Setting.QUEUE_URL.variable(), queues.feedbackUrl());
        env.put(Setting.DLQ_URL.variable(), queues.deadLetterUrl());
        env.put(Setting.CLOSED_LOOP_QUEUE_URL.variable(), queues.closedLoopUrl());
        env.put(Setting.CLOSED_LOOP_DLQ_URL.variable(), queues.closedLoopDeadLetterUrl());
        env.put(Setting.MAX_RECEIVE_COUNT.variable(), Integer.toString(SuiteResources.MAX_RECEIVE_COUNT));
        env.put(Setting.API_KEY.variable(), config.apiKey());
        env.put(Setting.PUBLIC_URL.variable(), config.publicUrl());
        env.put(Setting.SURVEY_TOKEN_KEY.variable(), config.surveyTokenKey());
        env.putIfAbsent(Setting.SENDER_EMAIL.variable(), "survey@touchpoint.local");
        return Map.copyOf(env);
    }

    /** Every function through its real handler class, the processor and the dispatcher given (the event sources drive them). */
    @SuppressWarnings("unchecked")
    private LocalFunctions functions(LocalFunction<SQSEvent, SQSBatchResponse> processor,
                                     LocalFunction<Map<String, Object>, Map<String, Object>> dispatcher) {
        return new LocalFunctions()
                .addHttp(new LocalFunction<>(INGEST_API, APIGatewayV2HTTPEvent.class,
                        new IngestApiHandler(IngestApiWiring.build(Environment.of(functionEnv)))))
                .addHttp(new LocalFunction<>(SURVEY_WEB, APIGatewayV2HTTPEvent.class,
                        new SurveyWebHandler(SurveyWebWiring.build(Environment.of(functionEnv)))))
                .addHttp(new LocalFunction<>(INGEST_TWILIO, APIGatewayV2HTTPEvent.class,
                        new TwilioWebhookHandler(TwilioWebhookWiring.build(Environment.of(functionEnv)))))
                .addHttp(new LocalFunction<>(INGEST_META, APIGatewayV2HTTPEvent.class,
                        new MetaWebhookHandler(MetaWebhookWiring.build(Environment.of(functionEnv)))))
                .add(new LocalFunction<>(INGEST_SMS, SNSEvent.class,
                        new TwoWaySmsHandler(TwoWaySmsWiring.build(Environment.of(functionEnv)))))
                .add(new LocalFunction<>(INGEST_EMAIL, (Class<Map<String, Object>>) (Class<?>) Map.class,
                        StreamFunctions.of(new EmailReplyHandler(EmailReplyWiring.build(Environment.of(functionEnv), inboundMail)))))
                .addHttp(new LocalFunction<>(REPORTING_API, APIGatewayV2HTTPEvent.class,
                        new ReportingApiHandler(ReportingApiWiring.build(Environment.of(functionEnv)))))
                .add(processor)
                .add(dispatcher)
                .add(new LocalFunction<>(DELIVERY_EVENTS, SNSEvent.class,
                        new DeliveryEventsHandler(DeliveryEventsWiring.build(Environment.of(functionEnv)))));
    }

    public static LocalRuntime start(LocalConfig config) throws Exception {
        KeptAliveConnections.raise();
        EmbeddedDynamoDb dynamo = null;
        EmbeddedSqs sqs = null;
        if (config.externalEndpoint() == null) {
            dynamo = EmbeddedDynamoDb.start(config.inMemory() ? null : config.dataDir().resolve("dynamodb"));
            // Persistent unless --in-memory: every message acknowledged survives a crash (docs/local-runtime.md).
            sqs = EmbeddedSqs.start(config.inMemory() ? Optional.empty() : Optional.of(config.dataDir().resolve("sqs")));
        }
        try {
            return new LocalRuntime(config, dynamo, sqs);
        } catch (Exception | Error e) {
            if (sqs != null) {
                sqs.close();
            }
            if (dynamo != null) {
                dynamo.close();
            }
            throw e;
        }
    }

    /**
     * The runtime's own clients (set-up, pollers, redrive) wait as long as a busy machine needs: the
     * functions' 4-second call timeout suits Lambda, but on two cores shared with a build the embedded
     * engines' first answers took longer, and the start failed.
     */
    private static Map<String, String> patientClients(Map<String, String> env) {
        Map<String, String> own = new HashMap<>(env);
        own.put(Setting.AWS_ATTEMPT_TIMEOUT_MS.variable(), Long.toString(SETUP_ATTEMPT_TIMEOUT.toMillis()));
        own.put(Setting.AWS_CALL_TIMEOUT_MS.variable(), Long.toString(SETUP_CALL_TIMEOUT.toMillis()));
        return own;
    }

    /** Makes the table and queues, or says in one sentence why it could not and what to do. */
    private <T> T setUp(Supplier<T> creation) {
        try {
            return creation.get();
        } catch (SdkClientException e) {
            if (config.externalEndpoint() != null) {
                throw new LocalStartFailure("nothing answered at AWS_ENDPOINT_URL=" + config.externalEndpoint()
                        + " (" + e.getClass().getSimpleName() + "): start LocalStack there, or unset AWS_ENDPOINT_URL to use the embedded engines", e);
            }
            throw new LocalStartFailure("the embedded DynamoDB Local and ElasticMQ did not answer within "
                    + SETUP_CALL_TIMEOUT.toSeconds() + " s while the table and queues were made (" + e.getClass().getSimpleName()
                    + "): the machine is too busy; start again when it is quieter", e);
        }
    }

    /**
     * Replies go to the outbox, unless a provider is configured as in AWS ({@code TOUCHPOINT_TWILIO_ACCOUNT_SID}
     * with its token, {@code TOUCHPOINT_META_ACCESS_TOKEN}): then that provider's replies really go out
     * through its API (Twilio's test credentials, say, or a stand-in at {@code TOUCHPOINT_TWILIO_API_URL}),
     * with its answers, refusals included, as in AWS.
     */
    private ReplySender replySender() {
        Environment env = Environment.of(functionEnv);
        ReplySender providers = new ProviderReplySender(env);
        ReplySender outboxed = outbox.replySender();
        boolean twilio = env.optional(Setting.TWILIO_ACCOUNT_SID).isPresent();
        boolean meta = env.optional(Setting.META_ACCESS_TOKEN).isPresent();
        return (channel, provider, recipient, text) -> (provider.equals("twilio") && twilio) || (provider.equals("meta") && meta)
                ? providers.reply(channel, provider, recipient, text) : outboxed.reply(channel, provider, recipient, text);
    }

    /** The standard AWS variables the functions see: the embedded endpoints, or what the caller set (LocalStack). */
    private static Map<String, String> awsEnvironment(LocalConfig config, EmbeddedDynamoDb dynamo, EmbeddedSqs sqs) {
        Map<String, String> env = new HashMap<>(config.passThrough());
        env.putIfAbsent("AWS_REGION", "us-east-1");
        if (dynamo != null) {
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            env.remove("AWS_SESSION_TOKEN");
        } else {
            env.putIfAbsent("AWS_ACCESS_KEY_ID", "test");
            env.putIfAbsent("AWS_SECRET_ACCESS_KEY", "test");
        }
        return env;
    }

    private String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /**
     * Moves every message of a DLQ back to its queue with its message attributes, as an SQS message move
     * task does in AWS: run it once what made them fail is fixed. Processing is idempotent, so a
     * message that had in fact succeeded changes nothing.
     *
     * @param queue {@code feedback} or {@code closed-loop}
     * @return how many messages moved
     */
    public int redrive(String queue) {
        String from = queue.equals("closed-loop") ? queues.closedLoopDeadLetterUrl() : queues.deadLetterUrl();
        String to = queue.equals("closed-loop") ? queues.closedLoopUrl() : queues.feedbackUrl();
        int moved = 0;
        while (true) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(from).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                return moved;
            }
            for (var message : messages) {
                // A parked message's reason tells the processor that an earlier attempt failed.
                sqs.sendMessage(m -> m.queueUrl(to).messageBody(message.body()).messageAttributes(message.messageAttributes()));
                sqs.deleteMessage(d -> d.queueUrl(from).receiptHandle(message.receiptHandle()));
                moved++;
            }
        }
    }

    /** The contract's routes this runtime serves, as API Gateway names them. */
    public List<String> routeKeys() {
        return routes.routeKeys();
    }

    /** Every function {@code POST /_local/invoke/<name>} runs, in the order the suite lists them. */
    public List<String> functionNames() {
        return List.copyOf(functions.names());
    }

    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public String apiKey() {
        return config.apiKey();
    }

    public LocalConfig config() {
        return config;
    }

    /** The environment every function was built from (endpoints, table, queue URLs). */
    public Map<String, String> functionEnvironment() {
        return functionEnv;
    }

    public DynamoDbClient dynamoDb() {
        return dynamo;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** Where received emails are kept locally: write {@code <messageId>.eml} here, then invoke ingest-email. */
    public Path inboundMailDirectory() {
        return inboundMail.directory();
    }

    public LocalOutbox outbox() {
        return outbox;
    }

    public SuiteResources.Queues queues() {
        return queues;
    }

    /** Messages waiting plus messages being handled, from SQS's approximate counters. */
    public QueueDepth queueDepth(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new QueueDepth(Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")),
                Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0")));
    }

    public record QueueDepth(int visible, int inFlight) {
        public int total() {
            return visible + inFlight;
        }
    }

    private String healthJson() {
        ObjectNode health = StrictJson.object().put("status", "ok");
        functionNames().forEach(health.putArray("functions")::add);
        ObjectNode depths = health.putObject("queues");
        Map.of("feedback", queues.feedbackUrl(), "deadLetter", queues.deadLetterUrl(), "closedLoop", queues.closedLoopUrl(),
                "closedLoopDeadLetter", queues.closedLoopDeadLetterUrl()).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(queue -> {
                    QueueDepth depth = queueDepth(queue.getValue());
                    depths.putObject(queue.getKey()).put("visible", depth.visible()).put("inFlight", depth.inFlight());
                });
        return StrictJson.write(health.put("persistent", !config.inMemory()));
    }

    /**
     * Messages a clean stop of a version before 2026-12-07 kept in spool files: queued again, each kept
     * by the queue's own storage as it is sent, before its file goes.
     */
    private void restoreSpooledMessages() {
        if (config.inMemory() || sqsServer == null) {
            return;
        }
        int restored = QueueSpool.restore(sqs, queues.feedbackUrl(), spool("feedback"))
                + QueueSpool.restore(sqs, queues.deadLetterUrl(), spool("dead-letter"))
                + QueueSpool.restore(sqs, queues.closedLoopUrl(), spool("closed-loop"))
                + QueueSpool.restore(sqs, queues.closedLoopDeadLetterUrl(), spool("closed-loop-dead-letter"));
        if (restored > 0) {
            System.out.println("Re-queued " + restored + " message(s) kept from the last run.");
        }
    }

    private Path spool(String queue) {
        return config.dataDir().resolve("queues").resolve(queue + ".jsonl");
    }

    /**
     * A clean stop: no new requests, requests in progress finish, and the queue is drained through the
     * processor (up to 15 s). Whatever is still queued stays in the queue's own storage in the data
     * directory (with ElasticMQ embedded and a data directory), as it would after a crash.
     */
    @Override
    public void close() throws Exception {
        schedule.close();
        http.close();
        drainQueue();
        for (SqsEventSource source : eventSources) {
            source.close();
        }
        closedLoopSource.close();
        if (!config.inMemory() && sqsServer != null) {
            // Failed messages held invisible for their retry are made visible again: the next start takes them at once.
            eventSources.forEach(SqsEventSource::releaseFailedInFlight);
            closedLoopSource.releaseFailedInFlight();
            int kept = queueDepth(queues.feedbackUrl()).total() + queueDepth(queues.closedLoopUrl()).total();
            if (kept > 0) {
                System.out.println("Kept " + kept + " queued message(s) in " + config.dataDir().resolve("sqs") + " for the next start.");
            }
        }
        sqs.close();
        dynamo.close();
        if (sqsServer != null) {
            sqsServer.close();
        }
        if (dynamoServer != null) {
            dynamoServer.close();
        }
    }

    /** Waits until every message that can still succeed has been handled; failed ones are kept, not awaited. */
    private void drainQueue() throws InterruptedException {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            QueueDepth depth = queueDepth(queues.feedbackUrl());
            if (depth.visible() == 0 && depth.inFlight() <= eventSources.stream().mapToInt(SqsEventSource::failedInFlightCount).sum()) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
