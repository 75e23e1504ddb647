package dev.touchpoint.infra;

import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.contract.config.Setting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The whole suite as one stack: the table, the pipeline, the HTTP-facing functions and their routes,
 * email delivery, alarms and the dashboard's hosting. Every function is a {@link TouchpointFunction};
 * every permission is granted here or in the construct that owns the resource, action by action.
 */
public final class TouchpointStack extends Stack {

    private final FeedbackStore store;
    private final FeedbackPipeline pipeline;
    private final TouchpointFunction ingestApi;
    private final PublicApi api;
    /** Only when no {@code apiKeyHashes} are given: a generated key in Secrets Manager. */
    private final Optional<Secret> apiKey;
    private final StageConfig config;

    public TouchpointStack(Construct scope, String id, StackProps props, StageConfig config, FunctionJars jars) {
        super(scope, id, props);
        RemovalPolicy removal = config.isProduction() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        this.store = new FeedbackStore(this, "FeedbackStore", config.deletionProtection());
        StageProps stage = StageProps.builder().store(store).config(config).jars(jars).removal(removal).build();
        this.pipeline = new FeedbackPipeline(this, "FeedbackPipeline", stage);
        this.config = config;
        this.apiKey = config.apiKeyHashes().isPresent() ? Optional.empty() : Optional.of(Secret.Builder.create(this, "ApiKey")
                .description("The x-api-key that /v1 routes accept. Rotate by putting a new value and redeploying the functions")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(40).excludePunctuation(true).build())
                .removalPolicy(removal)
                .build());
        this.api = new PublicApi(this, "PublicApi", PublicApiProps.builder()
                .logRemoval(removal).customDomain(config.customDomain()).certificateArn(config.certificateArn()).build());
        this.ingestApi = ingestApi(config, jars, removal);

        SurveyEmail email = new SurveyEmail(this, "SurveyEmail", config.senderEmail());
        String publicUrl = config.customDomain().map(domain -> "https://" + domain).orElse(api.url());
        SurveyDispatch surveys = new SurveyDispatch(this, "Surveys", SurveyDispatchProps.builder()
                .stage(stage).pipeline(pipeline).email(email).publicUrl(publicUrl).build());
        surveys.allowEmailFrom(pipeline.processor());
        // Twilio posts the delivery news of the processor's replies to this address's /webhooks/twilio.
        pipeline.processor().function().addEnvironment(Setting.PUBLIC_URL.variable(), publicUrl);
        surveys.shareSecretWith(ingestApi);

        ChannelWebhooks channels = new ChannelWebhooks(this, "Channels", ChannelWebhooksProps.builder()
                .stage(stage).pipeline(pipeline).surveyTokenKey(surveys.tokenKey()).asyncFailures(surveys.deliveryFailures())
                .publicUrl(publicUrl).build());
        TouchpointFunction reporting = new TouchpointFunction(this, "ReportingApi", TouchpointFunctionProps.builder()
                .name("reporting-api").handler("dev.touchpoint.reporting.ReportingApiStreamHandler::handleRequest")
                .timeout(Duration.seconds(15)).description("GET /v1/reports/summary and GET /v1/profiles/{id}")
                .jars(jars).environment(Map.of(Setting.TABLE.variable(), store.table().getTableName()))
                .logRemoval(removal)
                .build());
        acceptApiKeys(reporting);
        surveys.shareSecretWith(reporting);
        // Query on the table itself: one query per day of AGGREGATE#<day>, never a scan.
        // Query, GetItem and BatchGetItem (a report's settled days' kept cells, 100 a call) to read;
        // UpdateItem to keep a settled day's cells and, with DeleteItem, for erasure (DELETE /v1/profiles/{id}).
        reporting.allow(store.allowOnTable("dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:UpdateItem",
                "dynamodb:DeleteItem"));
        reporting.allow(store.allowTimelineQuery());
        reporting.allow(store.allowDueQueueQuery());

        InboundEmail inbound = new InboundEmail(this, "InboundEmail", InboundEmailProps.builder()
                .stage(stage).pipeline(pipeline).asyncFailures(surveys.deliveryFailures())
                .replyDomain(config.senderEmail().map(sender -> sender.substring(sender.indexOf('@') + 1))).build());
        api.routeTheCatalogue(Map.of(ApiFunction.INGEST_API, ingestApi, ApiFunction.REPORTING_API, reporting,
                ApiFunction.SURVEY_WEB, surveys.surveyWeb(), ApiFunction.INGEST_TWILIO, channels.twilio(),
                ApiFunction.INGEST_META, channels.meta()));

        ClosedLoopDelivery closedLoop = new ClosedLoopDelivery(this, "ClosedLoop", ClosedLoopDeliveryProps.builder()
                .stage(stage).pipeline(pipeline).webhookUrls(config.webhookUrls()).build());

        OperationsAlarms alarms = new OperationsAlarms(this, "Operations", config.alarmEmail());
        alarms.watchDeadLetters("Feedback", pipeline.deadLetters());
        alarms.watchBusinessMetrics(TouchpointFunction.metricsNamespace(this));
        alarms.watchDeadLetters("ClosedLoop", closedLoop.deadLetters());
        alarms.watchFunction(closedLoop.function());
        closedLoop.signingSecret().ifPresent(secret -> NagSuppressionsForTouchpoint.suppress(secret, "AwsSolutions-SMG4",
                "Every receiver holds the webhook signing secret to verify signatures; a scheduled rotation would make them "
                + "reject our deliveries unannounced. Rotation is an operator step in docs/deploy.md."));
        alarms.watchDeadLetters("DeliveryEvents", surveys.deliveryFailures());
        for (TouchpointFunction function : List.of(ingestApi, pipeline.processor(), surveys.dispatcher(),
                surveys.surveyWeb(), surveys.deliveryEvents(), channels.twilio(), channels.meta(), channels.twoWaySms(), inbound.ingest(), reporting)) {
            alarms.watchFunction(function);
        }
        alarms.addDashboard(TouchpointFunction.metricsNamespace(this));
        DashboardHosting dashboard = new DashboardHosting(this, "Dashboard", DashboardHostingProps.builder()
                .removal(removal)
                .apiDomain(Fn.select(2, Fn.split("/", api.api().getApiEndpoint())))
                .dashboardDir(jars.functionsDir().getParent().resolve("dashboard").toString())
                .webAclArn(config.edgeWebAclArn())
                .build());
        api.unknownRoutes(ingestApi);
        api.throttlePublicRoutes();
        NagSuppressionsForTouchpoint.apply(api, apiKey, dashboard, config.edgeWebAclArn().isPresent(), surveys, channels,
                pipeline.processor(), inbound);

        CfnOutput.Builder.create(this, "DetractorAlertsTopicArn").value(closedLoop.alerts().getTopicArn())
                .description("Subscribe an email, a chat tool or a helpdesk to detractor alerts").build();
        CfnOutput.Builder.create(this, "ApiUrl").value(api.url()).description("Base URL of the public API").build();
        // What to paste into Twilio's and Meta's consoles: the URL the providers sign is this one exactly.
        String webhookBase = config.customDomain().map(domain -> "https://" + domain + "/").orElse(api.url());
        CfnOutput.Builder.create(this, "TwilioWebhookUrl").value(webhookBase + "webhooks/twilio")
                .description("Twilio: the number's 'A message comes in' webhook (HTTP POST)").build();
        CfnOutput.Builder.create(this, "WhatsappWebhookUrl").value(webhookBase + "webhooks/whatsapp")
                .description("Meta: the app's WhatsApp webhook callback URL, with the verify token").build();
        CfnOutput.Builder.create(this, "MessengerWebhookUrl").value(webhookBase + "webhooks/messenger")
                .description("Meta: the app's Messenger (page) webhook callback URL, with the verify token").build();
        apiKey.ifPresent(secret -> CfnOutput.Builder.create(this, "ApiKeySecretArn").value(secret.getSecretArn())
                .description("Read the API key with: aws secretsmanager get-secret-value --secret-id <this>").build());
        CfnOutput.Builder.create(this, "DashboardUrl").value("https://" + dashboard.distribution().getDistributionDomainName()).build();
        CfnOutput.Builder.create(this, "DeadLetterQueueUrl").value(pipeline.deadLetters().getQueueUrl()).build();
        if (config.ingestFunctionUrl()) {
            // Same handler, same API-key check, no API Gateway request charge (US$1 per million); the
            // widget and the browser routes stay on the HTTP API, with its throttling and CORS.
            FunctionUrl url = ingestApi.live().addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE).build());
            CfnOutput.Builder.create(this, "IngestFunctionUrl").value(url.getUrl())
                    .description("Server-to-server ingest (POST /v1/feedback, /v1/feedback/batch, /v1/interactions, /v1/imports) with an API key").build();
        }
    }

    private TouchpointFunction ingestApi(StageConfig config, FunctionJars jars, RemovalPolicy removal) {
        TouchpointFunction function = new TouchpointFunction(this, "IngestApi", TouchpointFunctionProps.builder()
                .name("ingest-api").handler("dev.touchpoint.ingest.api.IngestApiStreamHandler::handleRequest")
                .timeout(Duration.seconds(10)).description("POST /v1/feedback, POST /v1/interactions, GET /v1/profiles")
                .jars(jars).environment(withPublishableKeys(config, Map.of(Setting.TABLE.variable(), store.table().getTableName(),
                        Setting.QUEUE_URL.variable(), pipeline.queue().getQueueUrl(),
                        Setting.DEFAULT_REGION.variable(), config.defaultPhoneRegion())))
                .logRemoval(removal)
                .build());
        function.allow(pipeline.allowSend());
        // GetItem for profiles; UpdateItem for the widget keys' rate-limit windows.
        function.allow(store.allowOnTable("dynamodb:GetItem", "dynamodb:UpdateItem"));
        function.allow(store.allowTimelineQuery());
        acceptApiKeys(function);
        return function;
    }

    /** The keys /v1 accepts: salted hashes as plain configuration, or else the generated secret, read by ARN. */
    private void acceptApiKeys(TouchpointFunction function) {
        config.apiKeyHashes().ifPresent(hashes -> function.function().addEnvironment(Setting.API_KEY_HASHES.variable(), hashes));
        apiKey.ifPresent(secret -> {
            function.function().addEnvironment(Setting.API_KEY.secretArnVariable(), secret.getSecretArn());
            function.allow(PolicyStatement.Builder.create().actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of(secret.getSecretArn())).build());
        });
    }

    /** Widget keys are not secrets (they sit in a site's HTML), so they travel as plain configuration. */
    private static Map<String, String> withPublishableKeys(StageConfig config, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        config.publishableKeys().ifPresent(keys -> all.put(Setting.PUBLISHABLE_KEYS.variable(), keys));
        return all;
    }

    public FeedbackStore store() {
        return store;
    }

    public FeedbackPipeline pipeline() {
        return pipeline;
    }

    public TouchpointFunction ingestApi() {
        return ingestApi;
    }
}
