package dev.touchpoint.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.contract.Route;
import dev.touchpoint.contract.config.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The synthesised template, property by property: what the deploy guide promises is what the stack
 * declares. One synth of each stage is shared by all tests (a synth takes seconds).
 */
class TouchpointStackTest {

    private static TouchpointStack devStack;
    private static Template dev;
    private static Template prod;

    @BeforeAll
    static void synthesise() {
        devStack = stack(Map.of("stage", "dev", "alarmEmail", "ops@example.com",
                "publishableKeys", "pk_shop=https://shop.example", "webhookUrls", "crm=https://crm.example/hooks/touchpoint",
                "ingestFunctionUrl", "true"));
        dev = Template.fromStack(devStack);
        prod = Template.fromStack(stack(Map.of("stage", "prod", "senderEmail", "survey@example.com",
                "apiKeyHashes", "2026-11:c2FsdHNhbHRzYWx0c2FsdA:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
                "customDomain", "feedback.example.com",
                "certificateArn", "arn:aws:acm:eu-central-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100",
                "edgeWebAclArn", WEB_ACL)));
        edge = Template.fromStack((Stack) devStack.getNode().getScope().getNode().findChild("Touchpoint-Edge-dev"));
    }

    private static final String WEB_ACL = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/touchpoint-edge/0f0e0d0c";
    private static Template edge;

    /** The anonymous routes have throttles of their own, well under the stage's, so a flood of them cannot starve the API. */
    @Test
    @SuppressWarnings("unchecked")
    void anonymousRoutes_haveTheirOwnThrottles() {
        Map<String, Object> stage = (Map<String, Object>) dev.findResources("AWS::ApiGatewayV2::Stage").values().iterator().next();
        Map<String, Object> routeSettings = (Map<String, Object>) ((Map<String, Object>) stage.get("Properties")).get("RouteSettings");
        assertEquals(PublicApi.ANONYMOUS_ROUTE_THROTTLES.keySet(), routeSettings.keySet());
        assertEquals(Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40), routeSettings.get("POST /k/{touchpoint}"));
        assertTrue(((List<?>) stage.get("DependsOn")).size() >= PublicApi.ANONYMOUS_ROUTE_THROTTLES.size(),
                "the stage waits for the routes its settings name");
    }

    /** CloudFront's web ACL lives in us-east-1: its own stack, rate-limiting the anonymous routes per address. */
    @Test
    void edgeStack_holdsACloudFrontWebAcl_thatRateLimitsTheAnonymousRoutes_andProdAttachesIt() {
        edge.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Scope", "CLOUDFRONT", "Rules", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "anonymous-routes-per-address", "Action", Map.of("Block", Map.of()),
                        "Statement", Map.of("RateBasedStatement", Match.objectLike(Map.of(
                                "Limit", EdgeProtection.PUBLIC_FORMS_PER_FIVE_MINUTES, "AggregateKeyType", "IP",
                                "ScopeDownStatement", Match.objectLike(Map.of("OrStatement", Match.anyValue())))))))))));
        edge.hasOutput("WebAclArn", Match.anyValue());
        prod.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "WebACLId", WEB_ACL))));
        dev.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig",
                Match.objectLike(Map.of("WebACLId", Match.absent()))));
    }

    /** The dashboard in AWS gets the content security policy the local runtime sends, from the same file. */
    @Test
    void dashboard_isServedWithTheLocalContentSecurityPolicy() throws Exception {
        String policy = Files.readString(Path.of("..", "dashboard", DashboardHosting.POLICY_FILE)).strip();
        assertTrue(policy.contains("default-src 'self'") && !policy.contains("unsafe"), policy);
        Capture headers = new Capture();
        dev.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", Map.of("ResponseHeadersPolicyConfig", Match.objectLike(Map.of(
                "SecurityHeadersConfig", Match.objectLike(Map.of(
                        "ContentSecurityPolicy", Map.of("ContentSecurityPolicy", policy, "Override", true),
                        "ContentTypeOptions", Map.of("Override", true),
                        "FrameOptions", Map.of("FrameOption", "DENY", "Override", true)))))));
        dev.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultCacheBehavior", Match.objectLike(Map.of("ResponseHeadersPolicyId", headers))))));
        assertTrue(headers.asObject().toString().contains("SecurityHeaders"), "the page's behaviour uses the policy: " + headers.asObject());
    }

    private static TouchpointStack stack(Map<String, String> context) {
        App app = new App();
        CdkJson.context().forEach((k, v) -> app.getNode().setContext(k, v));
        context.forEach((k, v) -> app.getNode().setContext(k, v));
        TouchpointStack stack = TouchpointApp.build(app, StageConfig.fromContext(app.getNode()), FunctionJars.fromRepository());
        app.synth();
        return stack;
    }

    @Test
    void ingestFunctionUrl_whenAskedFor_servesTheLiveAliasWithTheFunctionsOwnKeyCheck_andOnlyThen() {
        dev.resourceCountIs("AWS::Lambda::Url", 1);
        dev.hasResourceProperties("AWS::Lambda::Url", Map.of("AuthType", "NONE", "Qualifier", "live",
                "TargetFunctionArn", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of(Match.stringLikeRegexp("IngestApi.*")))))));
        dev.hasOutput("IngestFunctionUrl", Match.anyValue());
        prod.resourceCountIs("AWS::Lambda::Url", 0);
    }

    /**
     * The stack sets a Touchpoint function's configuration only by the {@link Setting} constants, so every
     * variable in the template is one the functions read (or a secret's ARN): a name the enum does not
     * know would be read by no one.
     */
    @Test
    void everyFunctionsVariables_areSettingsTheFunctionsKnow() {
        Set<String> known = new HashSet<>();
        for (Setting setting : Setting.values()) {
            known.add(setting.variable());
            if (setting.secret()) {
                known.add(setting.secretArnVariable());
            }
        }
        List<String> unknown = new ArrayList<>();
        int touchpoint = 0;
        for (Template stage : List.of(dev, prod)) {
            for (Map<String, Object> function : stage.findResources("AWS::Lambda::Function").values()) {
                Map<?, ?> properties = (Map<?, ?>) function.get("Properties");
                if (!(properties.get("Handler") instanceof String handler) || !handler.startsWith("dev.touchpoint.")) {
                    continue; // the CDK's own helper functions
                }
                touchpoint++;
                Map<?, ?> environment = (Map<?, ?>) properties.get("Environment");
                Map<?, ?> variables = environment == null ? Map.of() : (Map<?, ?>) environment.get("Variables");
                variables.keySet().stream().map(String::valueOf)
                        .filter(name -> !known.contains(name) && !name.startsWith("AWS_") && !name.equals("JAVA_TOOL_OPTIONS"))
                        .forEach(name -> unknown.add(handler + ": " + name));
            }
        }
        assertTrue(touchpoint >= 22, "both stages' functions: " + touchpoint);
        assertEquals(List.of(), unknown);
    }

    @Test
    void everyJavaFunctionsHandler_namesAnEntryPointClassOfTheFunctionModules() throws Exception {
        List<String> handlers = new ArrayList<>();
        dev.findResources("AWS::Lambda::Function").values().forEach(resource -> {
            Object handler = ((Map<?, ?>) resource.get("Properties")).get("Handler");
            if (handler instanceof String name && name.startsWith("dev.touchpoint.")) {
                handlers.add(name);
            }
        });
        assertTrue(handlers.size() >= 11, "every Touchpoint function: " + handlers);
        for (String handler : handlers) {
            String source = handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".java";
            try (Stream<Path> modules = Files.list(Path.of("..", "functions"))) {
                assertTrue(modules.anyMatch(module -> Files.isRegularFile(module.resolve("src/main/java").resolve(source))),
                        handler + " names no class of a function module");
            }
        }
    }

    @Test
    void cdkNag_hasNoUnsuppressedFinding() {
        assertEquals(List.of(), Annotations.fromStack(devStack).findError("*", Match.anyValue()));
        assertEquals(List.of(), Annotations.fromStack(devStack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")));
    }

    @Test
    void functions_runJava25OnArm64WithSnapStartJsonLogsAndStartUpFlags() {
        // Eleven of ours, plus the CDK's own functions that upload the dashboard's files at deploy time and
        // (dev only) empty the buckets when the stage is torn down.
        dev.resourceCountIs("AWS::Lambda::Function", 13);
        dev.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Runtime", "java25"), 11);
        dev.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of(
                "Runtime", "java25",
                "Architectures", List.of("arm64"),
                "MemorySize", 1024,
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON")),
                "Environment", Map.of("Variables", Match.objectLike(Map.of("JAVA_TOOL_OPTIONS", TouchpointFunction.JAVA_TOOL_OPTIONS)))), 11);
        dev.resourceCountIs("AWS::Lambda::Alias", 11);
        dev.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        dev.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 30));
    }

    @Test
    void secrets_arePassedByArnNeverByValue() throws Exception {
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", "dev.touchpoint.ingest.api.IngestApiStreamHandler::handleRequest",
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        Setting.API_KEY.secretArnVariable(), Map.of("Ref", Match.stringLikeRegexp("ApiKey.*")))))));
        String template = new ObjectMapper().writeValueAsString(dev.toJSON());
        assertFalse(template.contains("\"" + Setting.API_KEY.variable() + "\""), "the key itself never appears");
        assertFalse(template.contains("\"" + Setting.SURVEY_TOKEN_KEY.variable() + "\""), "nor the survey-link key");
        assertFalse(template.contains("\"" + Setting.TWILIO_AUTH_TOKEN.variable() + "\""), "nor a provider's secret");
        assertTrue(template.contains("\"" + Setting.TWILIO_AUTH_TOKEN.secretArnVariable() + "\""));
        assertTrue(template.contains("\"" + Setting.SURVEY_TOKEN_KEY.secretArnVariable() + "\""));
    }

    @Test
    void queue_hasEncryptedDlqAfterFiveReceivesAndSixTimesTheProcessorTimeout() {
        dev.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "VisibilityTimeout", 180,
                "SqsManagedSseEnabled", true,
                "RedrivePolicy", Map.of("deadLetterTargetArn", Match.anyValue(), "maxReceiveCount", 5)));
        dev.allResourcesProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of("Timeout", 30,
                "Handler", "dev.touchpoint.processor.ProcessorStreamHandler::handleRequest"));
        dev.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 10,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "ScalingConfig", Map.of("MaximumConcurrency", FeedbackPipeline.MAX_CONCURRENCY),
                "FunctionName", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(":live"))))))));
    }

    @Test
    void table_isOnDemandWithRecoveryEncryptionTtlAndTheTimelineIndex() {
        dev.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "BillingMode", "PAY_PER_REQUEST",
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true),
                "KeySchema", List.of(Map.of("AttributeName", "PK", "KeyType", "HASH"), Map.of("AttributeName", "SK", "KeyType", "RANGE")),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of("IndexName", "GSI1")),
                        Match.objectLike(Map.of("IndexName", "GSI2")))));
        dev.hasResourceProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", false));
        prod.hasResourceProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", true));
    }

    @Test
    void httpApi_routesEveryBuiltRouteWithThrottlingAndAccessLogs() {
        Set<String> routes = new TreeSet<>();
        dev.findResources("AWS::ApiGatewayV2::Route").values()
                .forEach(r -> routes.add(((Map<?, ?>) ((Map<?, ?>) r).get("Properties")).get("RouteKey").toString()));
        Set<String> catalogue = new TreeSet<>(List.of("$default"));
        Arrays.stream(Route.values()).map(Route::key).forEach(catalogue::add);
        assertEquals(catalogue, routes, "the API's routes are the catalogue's, and $default");
        // Each route's integration is the function the catalogue names (by its construct: IngestApi, SurveyWeb, …).
        Map<ApiFunction, String> constructs = Map.of(ApiFunction.INGEST_API, "IngestApi", ApiFunction.REPORTING_API, "ReportingApi",
                ApiFunction.SURVEY_WEB, "SurveyWeb", ApiFunction.INGEST_TWILIO, "Twilio", ApiFunction.INGEST_META, "Meta");
        dev.findResources("AWS::ApiGatewayV2::Route").values().forEach(resource -> {
            Map<?, ?> properties = (Map<?, ?>) ((Map<?, ?>) resource).get("Properties");
            Route.match(properties.get("RouteKey").toString().replaceAll(" .*", ""), properties.get("RouteKey").toString().replaceAll(".* ", ""))
                    .ifPresent(match -> assertTrue(properties.get("Target").toString().contains(constructs.get(match.route().function()) + "Integration"),
                            match.route().key() + " → " + properties.get("Target")));
        });
        dev.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", PublicApi.RATE_LIMIT_PER_SECOND,
                        "ThrottlingBurstLimit", PublicApi.BURST_LIMIT),
                "AccessLogSettings", Match.objectLike(Map.of("Format", Match.stringLikeRegexp(".*routeKey.*status.*")))));
    }

    /** Every function is traced by X-Ray (one response followed from the webhook through SQS to the table). */
    @Test
    void everyFunction_isTracedActively() {
        // Ours are the java25 ones; the CDK's own helpers (custom resources) are not Touchpoint's code.
        Map<String, Map<String, Object>> functions = dev.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Runtime", "java25")));
        Map<String, Map<String, Object>> traced = dev.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("Runtime", "java25", "TracingConfig", Map.of("Mode", "Active"))));
        assertTrue(functions.size() >= 11, functions.keySet().toString());
        assertEquals(functions.keySet(), traced.keySet());
        for (String role : List.of("IngestApiRole", "FeedbackPipelineProcessorRole", "ChannelsTwilioRole", "ChannelsMetaRole")) {
            Set<String> all = new TreeSet<>();
            statements(dev, role).forEach(statement -> all.addAll(list(statement.get("Action"))));
            assertTrue(all.containsAll(TRACE_WRITES), role + " writes its traces: " + all);
        }
    }

    /** JSON logs everywhere; production keeps INFO and above, other stages DEBUG too. */
    @Test
    void logs_areJson_atALevelPerStage() {
        for (var stage : List.of(Map.entry(dev, "DEBUG"), Map.entry(prod, "INFO"))) {
            Map<String, Map<String, Object>> functions = stage.getKey().findResources("AWS::Lambda::Function",
                    Map.of("Properties", Map.of("Runtime", "java25")));
            Map<String, Map<String, Object>> logging = stage.getKey().findResources("AWS::Lambda::Function",
                    Map.of("Properties", Map.of("Runtime", "java25", "LoggingConfig", Map.of("LogFormat", "JSON",
                            "ApplicationLogLevel", stage.getValue(), "SystemLogLevel", "WARN"))));
            assertEquals(functions.keySet(), logging.keySet(), stage.getValue());
        }
    }

    /** The business metrics: every function names its stage's namespace, the failures page, the dashboard shows all. */
    @Test
    void businessMetrics_haveAlarmsAndADashboard() throws Exception {
        assertEquals(dev.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Runtime", "java25"))).keySet(),
                dev.findResources("AWS::Lambda::Function", Map.of("Properties", Map.of("Runtime", "java25", "Environment",
                        Map.of("Variables", Match.objectLike(Map.of(Setting.METRICS_NAMESPACE.variable(), "Touchpoint/dev")))))).keySet());
        for (String metric : List.of("MessagesParked", "RepliesFailed", "WebhookFailures", "UnreadableProviderEvents")) {
            dev.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Namespace", "Touchpoint/dev", "MetricName", metric,
                    "AlarmActions", Match.anyValue()));
        }
        Map<String, Map<String, Object>> dashboards = dev.findResources("AWS::CloudWatch::Dashboard");
        assertEquals(1, dashboards.size());
        String body = asJson(dashboards.values().iterator().next());
        for (String metric : List.of("Responses", "Invitations", "RepliesSent", "RepliesFailed", "WebhookDeliveries",
                "UnreadableProviderEvents", "Interactions", "TeamReplies", "DeliveryStatuses", "alarm")) {
            assertTrue(body.contains(metric), metric + " on the dashboard");
        }
        assertTrue(body.contains("ProcessorErrors") || body.contains("Processor"), "the functions' alarms are on it too");
    }

    /** The webhook URLs an operator pastes into Twilio's and Meta's consoles are outputs, not guesses. */
    @Test
    void webhookUrls_areStackOutputs() throws Exception {
        for (String output : List.of("TwilioWebhookUrl", "WhatsappWebhookUrl", "MessengerWebhookUrl")) {
            String value = asJson(dev.findOutputs(output, Match.anyValue()));
            assertTrue(value.contains("webhooks/" + output.replace("WebhookUrl", "").toLowerCase(java.util.Locale.ROOT)), value);
        }
    }

    /** A dev stage tears down cleanly: its buckets are emptied first; production keeps its data. */
    @Test
    void devBuckets_areEmptiedOnTeardown_prodBucketsAreKept() {
        dev.resourceCountIs("Custom::S3AutoDeleteObjects", 2);
        prod.resourceCountIs("Custom::S3AutoDeleteObjects", 0);
    }

    /** No mail domain, no receipt rule set: none for a placeholder domain that someone might activate. */
    @Test
    void aStageWithoutAMailDomain_hasNoReceiptRuleSet() {
        dev.resourceCountIs("AWS::SES::ReceiptRuleSet", 0);
        prod.resourceCountIs("AWS::SES::ReceiptRuleSet", 1);
    }

    /** Whatever no route serves goes to ingest-api, which answers problem+json, not API Gateway's own text. */
    @Test
    void unknownRoutes_goToIngestApi() throws Exception {
        Map<String, Map<String, Object>> routes = dev.findResources("AWS::ApiGatewayV2::Route",
                Map.of("Properties", Map.of("RouteKey", "$default")));
        assertEquals(1, routes.size());
        String target = asJson(routes.values().iterator().next().get("Properties"));
        String integration = dev.findResources("AWS::ApiGatewayV2::Integration").entrySet().stream()
                .filter(e -> target.contains(e.getKey())).map(e -> asJson(e.getValue())).findFirst().orElseThrow();
        assertTrue(integration.contains("IngestApi"), integration);
    }

    @Test
    void apiKeysGivenAsSaltedHashes_areConfigurationOnly_noSecretHoldsAKey() {
        prod.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                Setting.API_KEY_HASHES.variable(), "2026-11:c2FsdHNhbHRzYWx0c2FsdA:aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")))), 2);
        prod.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                Setting.API_KEY.secretArnVariable(), Match.anyValue())))), 0);
        dev.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                Setting.API_KEY.secretArnVariable(), Match.anyValue())))), 2);
    }

    @Test
    void widgetKeys_reachIngestApiAsPlainConfiguration() {
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                Setting.PUBLISHABLE_KEYS.variable(), "pk_shop=https://shop.example")))));
    }

    @Test
    void ingestApi_mayOnlySendToTheQueueReadProfilesAndItsKey() {
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "dynamodb:GetItem",
                "dynamodb:UpdateItem", "dynamodb:Query", "secretsmanager:GetSecretValue"), actionsOf("IngestApiRole"));
    }

    @Test
    void processor_mayOnlyConsumeItsQueueWriteTheTableAndParkInTheDlq() {
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:Query", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
                "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "secretsmanager:GetSecretValue", "sns:Publish",
                "ses:SendEmail"), actionsOf("FeedbackPipelineProcessorRole"));
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "dynamodb:UpdateItem",
                "secretsmanager:GetSecretValue"), actionsOf("ChannelsTwilioRole"));
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "dynamodb:UpdateItem",
                "secretsmanager:GetSecretValue"), actionsOf("ChannelsMetaRole"));
    }

    @Test
    void surveyDispatcher_mayReadTheDueQueueSendEmailAndSmsOnly() {
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "dynamodb:Query", "secretsmanager:GetSecretValue", "ses:SendEmail", "sns:Publish"),
                actionsOf("SurveysDispatcherRole"));
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "dynamodb:GetItem", "dynamodb:UpdateItem",
                "sqs:SendMessage", "secretsmanager:GetSecretValue"), actionsOf("SurveysSurveyWebRole"));
        assertTrue(actionsOf("SurveysDeliveryEventsRole").containsAll(Set.of("dynamodb:GetItem", "dynamodb:PutItem",
                "dynamodb:UpdateItem", "sqs:SendMessage")));
    }

    @Test
    void inboundEmail_storesThenInvokes_forTheReplyDomain() {
        prod.hasResourceProperties("AWS::SES::ReceiptRule", Map.of("Rule", Match.objectLike(Map.of(
                "Recipients", List.of("example.com"),
                "ScanEnabled", true,
                "Actions", List.of(Match.objectLike(Map.of("S3Action", Match.objectLike(Map.of("ObjectKeyPrefix", "inbound/")))),
                        Match.objectLike(Map.of("LambdaAction", Match.objectLike(Map.of("InvocationType", "Event")))))))));
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage", "dynamodb:UpdateItem", "s3:GetObject"),
                actionsOf("InboundEmailIngestRole"));
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:BatchGetItem",
                "dynamodb:UpdateItem", "dynamodb:DeleteItem", "secretsmanager:GetSecretValue"), actionsOf("ReportingApiRole"));
    }

    @Test
    void customDomain_isMappedToTheApi_andIsThePublicUrl() {
        prod.hasResourceProperties("AWS::ApiGatewayV2::DomainName", Map.of("DomainName", "feedback.example.com"));
        prod.resourceCountIs("AWS::ApiGatewayV2::ApiMapping", 1);
        dev.resourceCountIs("AWS::ApiGatewayV2::DomainName", 0);
        prod.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                Setting.PUBLIC_URL.variable(), "https://feedback.example.com")))));
    }

    @Test
    void dispatcher_runsEveryMinuteOnItsLiveAlias() {
        dev.hasResourceProperties("AWS::Scheduler::Schedule", Map.of("ScheduleExpression", "rate(1 minute)",
                "Target", Match.objectLike(Map.of("Arn", Map.of("Ref", Match.stringLikeRegexp("SurveysDispatcherLive.*"))))));
        dev.resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "lambda"), 3);
    }

    @Test
    void noStatement_grantsAWildcardActionOrResourceOnADataService() {
        for (Map<String, Object> statement : statements(prod, "")) {
            for (String action : list(statement.get("Action"))) {
                assertFalse(action.contains("*") && action.matches("(dynamodb|sqs|sns|ses|secretsmanager|kms):.*"),
                        "wildcard action " + action);
                assertFalse(action.equals("*"), "a bare * action");
            }
            if (list(statement.get("Resource")).contains("*")) {
                List<String> actions = list(statement.get("Action"));
                // The recommended flag aws-iam:minimizePolicies merges statements on the same resources into one.
                assertTrue(actions.stream().allMatch(a -> a.equals("sns:Publish") || a.startsWith("cloudfront:") || TRACE_WRITES.contains(a)),
                        "only SMS (phone numbers have no ARN), CloudFront invalidations and X-Ray's trace writes (X-Ray has "
                                + "no resource-level permissions) may use Resource *: " + statement);
            }
        }
        for (String role : List.of("SurveysDispatcherRole", "FeedbackPipelineProcessorRole")) {
            assertTrue(statements(prod, role).stream().anyMatch(s -> "Deny".equals(s.get("Effect"))
                    && list(s.get("Resource")).equals(List.of("arn:aws:sns:*:*:*"))), "topics are denied to the SMS grant of " + role);
        }
    }

    @Test
    void alarms_watchTheDlqErrorsAndThrottlesIntoTheOperationsTopic() {
        dev.resourceCountIs("AWS::CloudWatch::Alarm", 29); // 3 DLQs, 11 functions × errors and throttles, 4 business metrics
        Capture topic = new Capture();
        dev.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("MetricName", "ApproximateNumberOfMessagesVisible",
                "Threshold", 0, "ComparisonOperator", "GreaterThanThreshold", "AlarmActions", List.of(topic)));
        dev.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
        dev.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Map.of("MetricName", "Errors"), 11);
        dev.resourcePropertiesCountIs("AWS::CloudWatch::Alarm", Map.of("MetricName", "Throttles"), 11);
    }

    @Test
    void closedLoop_publishesOnlyToTheAlertsTopic_andReadsTheWebhookSecretOnlyWhenWebhooksAreNamed() {
        assertEquals(Set.of("logs:CreateLogStream", "logs:PutLogEvents", "dynamodb:GetItem", "secretsmanager:GetSecretValue",
                "sns:Publish", "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl",
                "sqs:DeleteMessage", "sqs:GetQueueAttributes"), actionsOf("ClosedLoopFunction"));
        statements(dev, "ClosedLoopFunction").stream().filter(s -> list(s.get("Action")).contains("sns:Publish"))
                .forEach(s -> assertTrue(String.valueOf(s.get("Resource")).matches("\\{Ref=ClosedLoopDetractorAlerts\\w+}"),
                        String.valueOf(s.get("Resource"))));
        dev.resourcePropertiesCountIs("AWS::Lambda::EventSourceMapping", Map.of("FunctionResponseTypes",
                List.of("ReportBatchItemFailures")), 2);
        dev.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                Setting.WEBHOOK_URLS.variable(), "crm=https://crm.example/hooks/touchpoint",
                Setting.CLOSED_LOOP_QUEUE_URL.variable(), Match.anyValue())))));
        // prod names no webhooks (no signing secret) and gives its API keys as salted hashes (no API-key secret).
        prod.resourceCountIs("AWS::SecretsManager::Secret", dev.findResources("AWS::SecretsManager::Secret").size() - 2);
    }

    @Test
    void surveyEmail_sendsEveryTrackedEventToItsTopicAndVerifiesTheSender() {
        dev.hasResourceProperties("AWS::SES::ConfigurationSetEventDestination", Map.of("EventDestination", Match.objectLike(Map.of(
                "Enabled", true,
                "MatchingEventTypes", Match.arrayWith(List.of("bounce", "complaint", "delivery", "open", "click")),
                "SnsDestination", Match.anyValue()))));
        dev.resourceCountIs("AWS::SES::EmailIdentity", 0);
        prod.hasResourceProperties("AWS::SES::EmailIdentity", Map.of("EmailIdentity", "survey@example.com"));
    }

    @Test
    void dashboard_filesAreUploaded_andTheApiSharesItsOrigin() {
        dev.resourceCountIs("Custom::CDKBucketDeployment", 2);
        dev.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "CacheBehaviors", List.of(Match.objectLike(Map.of("PathPattern", "/v1/*", "ViewerProtocolPolicy", "https-only")))))));
    }

    @Test
    void dashboard_isAPrivateBucketBehindCloudFrontWithOriginAccessControl() {
        dev.hasResourceProperties("AWS::S3::Bucket", Map.of("PublicAccessBlockConfiguration", Map.of(
                "BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        dev.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        dev.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https"))))));
    }

    /** What the role may do beyond writing its traces, which every function does ({@link #everyFunction_isTracedActively}). */
    private static Set<String> actionsOf(String rolePrefix) {
        Set<String> actions = new TreeSet<>();
        statements(dev, rolePrefix).forEach(s -> actions.addAll(list(s.get("Action"))));
        actions.removeAll(TRACE_WRITES);
        return actions;
    }

    private static final Set<String> TRACE_WRITES = Set.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");

    /** The statements of every IAM policy attached to roles whose logical id starts with the prefix. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Template template, String rolePrefix) {
        List<Map<String, Object>> statements = new ArrayList<>();
        template.findResources("AWS::IAM::Policy").values().forEach(resource -> {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
            String role = ((List<Map<String, Object>>) properties.get("Roles")).get(0).get("Ref").toString();
            if (role.startsWith(rolePrefix)) {
                statements.addAll((List<Map<String, Object>>) ((Map<String, Object>) properties.get("PolicyDocument")).get("Statement"));
            }
        });
        assertTrue(!statements.isEmpty(), "no policy for " + rolePrefix);
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        if (value instanceof List<?> values) {
            return values.stream().map(Object::toString).toList();
        }
        return value instanceof String text ? List.of(text) : List.of();
    }

    private static String asJson(Object templatePart) {
        try {
            return new ObjectMapper().writeValueAsString(templatePart);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
