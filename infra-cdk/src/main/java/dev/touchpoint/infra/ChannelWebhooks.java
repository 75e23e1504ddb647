package dev.touchpoint.infra;

import dev.touchpoint.contract.config.Setting;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The messaging channels: ingest-twilio and ingest-meta behind their webhook routes, ingest-sms on the
 * two-way SMS topic, the provider secrets (passed by ARN, set by the operator after the first deploy),
 * and what the processor needs to continue conversations and reply through each provider.
 */
public final class ChannelWebhooks extends Construct {

    private final TouchpointFunction twilio;
    private final TouchpointFunction meta;
    private final TouchpointFunction twoWaySms;
    private final List<Secret> secrets;

    public ChannelWebhooks(Construct scope, String id, ChannelWebhooksProps props) {
        super(scope, id);
        FeedbackStore store = props.stage().store();
        FeedbackPipeline pipeline = props.pipeline();
        Secret surveyTokenKey = props.surveyTokenKey();
        Queue asyncFailures = props.asyncFailures();
        String publicUrl = props.publicUrl();
        StageConfig config = props.stage().config();
        FunctionJars jars = props.stage().jars();
        RemovalPolicy removal = props.stage().removal();
        Secret twilioToken = secret("TwilioAuthToken", "Twilio auth token: signs webhooks, authenticates replies", removal);
        Secret metaAppSecret = secret("MetaAppSecret", "Meta app secret: signs WhatsApp and Messenger webhooks", removal);
        Secret metaVerifyToken = secret("MetaVerifyToken", "Meta webhook verify token (give it to Meta when subscribing)", removal);
        Secret metaAccessToken = secret("MetaAccessToken", "Meta access token: sends WhatsApp and Messenger replies", removal);
        this.secrets = List.of(twilioToken, metaAppSecret, metaVerifyToken, metaAccessToken);
        Map<String, String> common = Map.of(Setting.TABLE.variable(), store.table().getTableName(),
                Setting.QUEUE_URL.variable(), pipeline.queue().getQueueUrl(), Setting.PUBLIC_URL.variable(), publicUrl,
                Setting.DEFAULT_REGION.variable(), config.defaultPhoneRegion());

        this.twilio = ingest("Twilio", "ingest-twilio", "dev.touchpoint.ingest.twilio.TwilioWebhookStreamHandler::handleRequest",
                "Twilio SMS and WhatsApp webhook", with(common, Setting.TWILIO_AUTH_TOKEN.secretArnVariable(), twilioToken.getSecretArn()),
                store, pipeline, jars, removal, null);
        twilio.allow(read(twilioToken));
        this.meta = ingest("Meta", "ingest-meta", "dev.touchpoint.ingest.meta.MetaWebhookStreamHandler::handleRequest",
                "WhatsApp Cloud and Messenger webhooks", with(with(common, Setting.META_APP_SECRET.secretArnVariable(),
                        metaAppSecret.getSecretArn()), Setting.META_VERIFY_TOKEN.secretArnVariable(), metaVerifyToken.getSecretArn()),
                store, pipeline, jars, removal, null);
        meta.allow(read(metaAppSecret, metaVerifyToken));
        this.twoWaySms = ingest("TwoWaySms", "ingest-sms", "dev.touchpoint.ingest.sms.TwoWaySmsStreamHandler::handleRequest",
                "AWS two-way SMS through SNS", common, store, pipeline, jars, removal, asyncFailures);
        Topic inbound = Topic.Builder.create(this, "InboundSms")
                .displayName("Touchpoint two-way SMS (End User Messaging two-way destination)").enforceSsl(true).build();
        inbound.addSubscription(new LambdaSubscription(twoWaySms.live()));

        continueConversations(pipeline.processor(), store, surveyTokenKey, twilioToken, metaAccessToken, config);
    }

    /** The processor recognises survey tokens in replies, finds open invitations, and replies through each provider. */
    private static void continueConversations(TouchpointFunction processor, FeedbackStore store, Secret tokenKey, Secret twilioToken,
                                              Secret metaAccessToken, StageConfig config) {
        Function function = processor.function();
        function.addEnvironment(Setting.SURVEY_TOKEN_KEY.secretArnVariable(), tokenKey.getSecretArn());
        function.addEnvironment(Setting.TWILIO_AUTH_TOKEN.secretArnVariable(), twilioToken.getSecretArn());
        function.addEnvironment(Setting.META_ACCESS_TOKEN.secretArnVariable(), metaAccessToken.getSecretArn());
        config.twilioAccountSid().ifPresent(sid -> function.addEnvironment(Setting.TWILIO_ACCOUNT_SID.variable(), sid));
        config.twilioSmsFrom().ifPresent(from -> function.addEnvironment(Setting.TWILIO_SMS_FROM.variable(), from));
        config.twilioWhatsappFrom().ifPresent(from -> function.addEnvironment(Setting.TWILIO_WHATSAPP_FROM.variable(), from));
        config.metaPhoneNumberId().ifPresent(number -> function.addEnvironment(Setting.META_PHONE_NUMBER_ID.variable(), number));
        config.smsOriginationIdentity().ifPresent(origin -> function.addEnvironment(Setting.SMS_ORIGINATION.variable(), origin));
        processor.allow(read(tokenKey, twilioToken, metaAccessToken));
        processor.allow(store.allowTimelineQuery());
        processor.allow(PolicyStatement.Builder.create().actions(List.of("sns:Publish")).resources(List.of("*")).build());
        processor.allow(PolicyStatement.Builder.create().effect(Effect.DENY).actions(List.of("sns:Publish"))
                .resources(List.of("arn:aws:sns:*:*:*")).build());
    }

    private TouchpointFunction ingest(String id, String name, String handler, String description, Map<String, String> env,
                                      FeedbackStore store, FeedbackPipeline pipeline, FunctionJars jars, RemovalPolicy removal,
                                      Queue asyncFailures) {
        TouchpointFunction function = new TouchpointFunction(this, id, TouchpointFunctionProps.builder()
                .name(name).handler(handler)
                .timeout(Duration.seconds(10)).description(description)
                .jars(jars).environment(env)
                .logRemoval(removal).asyncFailures(asyncFailures)
                .build());
        function.allow(pipeline.allowSend());
        // UpdateItem: the per-day counters of statuses and unhandled provider events.
        function.allow(store.allowOnTable("dynamodb:UpdateItem"));
        return function;
    }

    private Secret secret(String id, String description, RemovalPolicy removal) {
        return Secret.Builder.create(this, id).description(description + ". Put the real value after the first deploy.")
                .generateSecretString(SecretStringGenerator.builder().passwordLength(32).excludePunctuation(true).build())
                .removalPolicy(removal).build();
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> all = new HashMap<>(env);
        all.put(key, value);
        return all;
    }

    private static PolicyStatement read(Secret... secrets) {
        return PolicyStatement.Builder.create().actions(List.of("secretsmanager:GetSecretValue"))
                .resources(Arrays.stream(secrets).map(Secret::getSecretArn).toList()).build();
    }

    public TouchpointFunction twilio() {
        return twilio;
    }

    public TouchpointFunction meta() {
        return meta;
    }

    public TouchpointFunction twoWaySms() {
        return twoWaySms;
    }

    public List<Secret> secrets() {
        return secrets;
    }
}
