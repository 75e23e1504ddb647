package dev.touchpoint.infra;

import dev.touchpoint.contract.config.Setting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Surveys at the right time: the dispatcher on an EventBridge Scheduler {@code rate(1 minute)}
 * (sending through SES and SNS), the hosted survey pages (survey-web), and delivery-events subscribed
 * to the email and SMS event topics; the survey-token key they share lives in Secrets Manager.
 */
public final class SurveyDispatch extends Construct {

    private final TouchpointFunction dispatcher;
    private final TouchpointFunction surveyWeb;
    private final TouchpointFunction deliveryEvents;
    private final Secret tokenKey;
    private final Topic smsEvents;
    private final Queue deliveryFailures;

    private final PolicyStatement sendEmail;
    private final Optional<String> senderEmail;
    private final String configurationSetName;

    public SurveyDispatch(Construct scope, String id, SurveyDispatchProps props) {
        super(scope, id);
        FeedbackStore store = props.stage().store();
        FeedbackPipeline pipeline = props.pipeline();
        SurveyEmail email = props.email();
        String publicUrl = props.publicUrl();
        StageConfig config = props.stage().config();
        FunctionJars jars = props.stage().jars();
        RemovalPolicy removal = props.stage().removal();
        this.senderEmail = config.senderEmail();
        this.configurationSetName = email.configurationSet().getConfigurationSetName();
        this.tokenKey = Secret.Builder.create(this, "TokenKey")
                .description("HMAC key of survey links; rotating it invalidates links already sent")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48).excludePunctuation(true).build())
                .removalPolicy(removal)
                .build();
        Map<String, String> env = new HashMap<>(Map.of(
                Setting.TABLE.variable(), store.table().getTableName(),
                Setting.PUBLIC_URL.variable(), publicUrl,
                Setting.SURVEY_TOKEN_KEY.secretArnVariable(), tokenKey.getSecretArn(),
                Setting.DEFAULT_REGION.variable(), config.defaultPhoneRegion(),
                Setting.SES_CONFIGURATION_SET.variable(), email.configurationSet().getConfigurationSetName()));
        config.senderEmail().ifPresent(sender -> env.put(Setting.SENDER_EMAIL.variable(), sender));
        config.smsOriginationIdentity().ifPresent(origin -> env.put(Setting.SMS_ORIGINATION.variable(), origin));

        this.dispatcher = new TouchpointFunction(this, "Dispatcher", TouchpointFunctionProps.builder()
                .name("survey-dispatcher").handler("dev.touchpoint.dispatcher.SurveyDispatcherStreamHandler::handleRequest")
                .timeout(Duration.seconds(60)).description("Sends due survey invitations by email and SMS")
                .jars(jars).environment(env)
                .logRemoval(removal)
                .build());
        // BatchGetItem: an erased person's kept consent, read for every address before a send.
        dispatcher.allow(store.allowOnTable("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"));
        dispatcher.allow(store.allowDueQueueQuery());
        dispatcher.allow(readSecret(tokenKey));
        this.sendEmail = sendEmailPolicy(config, email);
        dispatcher.allow(sendEmail);
        // SNS addresses an SMS by phone number, which has no ARN: Publish needs Resource "*". The deny
        // below keeps that grant to phone numbers by refusing every topic and application endpoint.
        dispatcher.allow(PolicyStatement.Builder.create().actions(List.of("sns:Publish")).resources(List.of("*")).build());
        dispatcher.allow(PolicyStatement.Builder.create().effect(Effect.DENY).actions(List.of("sns:Publish"))
                .resources(List.of("arn:aws:sns:*:*:*")).build());
        Schedule.Builder.create(this, "EveryMinute")
                .description("Runs survey-dispatcher every minute")
                .schedule(ScheduleExpression.rate(Duration.minutes(1)))
                .target(LambdaInvoke.Builder.create(dispatcher.live()).retryAttempts(0).build())
                .build();

        this.surveyWeb = new TouchpointFunction(this, "SurveyWeb", TouchpointFunctionProps.builder()
                .name("survey-web").handler("dev.touchpoint.survey.web.SurveyWebStreamHandler::handleRequest")
                .timeout(Duration.seconds(10)).description("Hosted survey pages, kiosk and QR landing, QR codes")
                .jars(jars).environment(Map.of(Setting.TABLE.variable(), store.table().getTableName(),
                        Setting.QUEUE_URL.variable(), pipeline.queue().getQueueUrl(),
                        Setting.PUBLIC_URL.variable(), publicUrl,
                        Setting.SURVEY_TOKEN_KEY.secretArnVariable(), tokenKey.getSecretArn()))
                .logRemoval(removal)
                .build());
        surveyWeb.allow(store.allowOnTable("dynamodb:GetItem", "dynamodb:UpdateItem"));
        surveyWeb.allow(pipeline.allowSend());
        surveyWeb.allow(readSecret(tokenKey));

        this.smsEvents = Topic.Builder.create(this, "SmsEvents")
                .displayName("Touchpoint SMS delivery events (End User Messaging event destination)")
                .enforceSsl(true)
                .build();
        this.deliveryFailures = Queue.Builder.create(this, "DeliveryEventFailures")
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true).retentionPeriod(Duration.days(14)).build();
        this.deliveryEvents = new TouchpointFunction(this, "DeliveryEvents", TouchpointFunctionProps.builder()
                .name("delivery-events").handler("dev.touchpoint.delivery.DeliveryEventsStreamHandler::handleRequest")
                .timeout(Duration.seconds(30)).description("Bounces, complaints and delivery reports: suppression and funnel")
                .jars(jars).environment(Map.of(Setting.TABLE.variable(), store.table().getTableName(),
                        Setting.DEFAULT_REGION.variable(), config.defaultPhoneRegion()))
                .logRemoval(removal).asyncFailures(deliveryFailures)
                .build());
        deliveryEvents.allow(store.allowOnTable("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"));
        email.events().addSubscription(new LambdaSubscription(deliveryEvents.live()));
        smsEvents.addSubscription(new LambdaSubscription(deliveryEvents.live()));
    }

    private static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    private static PolicyStatement readSecret(Secret secret) {
        return PolicyStatement.Builder.create().actions(List.of("secretsmanager:GetSecretValue"))
                .resources(List.of(secret.getSecretArn())).build();
    }

    /** SendEmail from the sender's identity through the configuration set (whose events delivery-events reads). */
    private PolicyStatement sendEmailPolicy(StageConfig config, SurveyEmail email) {
        return PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail"))
                .resources(List.of(
                        Stack.of(this).formatArn(ArnComponents.builder().service("ses")
                                .resource("identity").resourceName(config.senderEmail().map(SurveyDispatch::domainOf).orElse("example.invalid")).build()),
                        Stack.of(this).formatArn(ArnComponents.builder().service("ses")
                                .resource("identity").resourceName(config.senderEmail().orElse("survey@example.invalid")).build()),
                        Stack.of(this).formatArn(ArnComponents.builder().service("ses")
                                .resource("configuration-set").resourceName(email.configurationSet().getConfigurationSetName()).build())))
                .build();
    }

    /**
     * Another function holds the deployment's secret too: ingest-api derives response and invitation ids
     * under it, reporting-api the keyed hashes under which erasure keeps a person's consent.
     */
    public void shareSecretWith(TouchpointFunction function) {
        function.function().addEnvironment(Setting.SURVEY_TOKEN_KEY.secretArnVariable(), tokenKey.getSecretArn());
        function.allow(readSecret(tokenKey));
    }

    /** Another function sends email as the survey sender does: a team member's replies leave from the processor. */
    public void allowEmailFrom(TouchpointFunction function) {
        senderEmail.ifPresent(sender -> function.function().addEnvironment(Setting.SENDER_EMAIL.variable(), sender));
        function.function().addEnvironment(Setting.SES_CONFIGURATION_SET.variable(), configurationSetName);
        function.allow(sendEmail);
    }

    public TouchpointFunction dispatcher() {
        return dispatcher;
    }

    public TouchpointFunction surveyWeb() {
        return surveyWeb;
    }

    public TouchpointFunction deliveryEvents() {
        return deliveryEvents;
    }

    public Secret tokenKey() {
        return tokenKey;
    }

    public Queue deliveryFailures() {
        return deliveryFailures;
    }

    public Topic smsEvents() {
        return smsEvents;
    }
}
