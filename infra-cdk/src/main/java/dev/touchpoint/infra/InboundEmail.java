package dev.touchpoint.infra;

import dev.touchpoint.contract.config.Setting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.ses.ReceiptRuleOptions;
import software.amazon.awscdk.services.ses.ReceiptRuleSet;
import software.amazon.awscdk.services.ses.actions.Lambda;
import software.amazon.awscdk.services.ses.actions.LambdaInvocationType;
import software.amazon.awscdk.services.ses.actions.S3;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * Email replies to survey invitations: an SES receipt rule set whose rule, for the reply domain, first
 * stores the raw message in a private bucket (kept 30 days) and then invokes ingest-email. SES allows
 * one active rule set per region: activate this one after deploying (docs/deploy.md).
 */
public final class InboundEmail extends Construct {

    static final String PREFIX = "inbound/";

    private final TouchpointFunction ingest;
    private final Bucket bucket;

    public InboundEmail(Construct scope, String id, InboundEmailProps props) {
        super(scope, id);
        FeedbackStore store = props.stage().store();
        FeedbackPipeline pipeline = props.pipeline();
        Queue asyncFailures = props.asyncFailures();
        Optional<String> replyDomain = props.replyDomain();
        StageConfig config = props.stage().config();
        FunctionJars jars = props.stage().jars();
        RemovalPolicy removal = props.stage().removal();
        this.bucket = Bucket.Builder.create(this, "Messages")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(30)).build()))
                .removalPolicy(removal)
                .autoDeleteObjects(removal == RemovalPolicy.DESTROY) // dev tears down with its mail in it
                .build();
        this.ingest = new TouchpointFunction(this, "Ingest", TouchpointFunctionProps.builder()
                .name("ingest-email").handler("dev.touchpoint.ingest.email.EmailReplyHandler::handleRequest")
                .timeout(Duration.seconds(30)).description("Replies to survey emails, from the SES receipt rule")
                .jars(jars).environment(Map.of(Setting.TABLE.variable(), store.table().getTableName(),
                        Setting.QUEUE_URL.variable(), pipeline.queue().getQueueUrl(),
                        Setting.INBOUND_MAIL_BUCKET.variable(), bucket.getBucketName(),
                        Setting.INBOUND_MAIL_PREFIX.variable(), PREFIX,
                        Setting.DEFAULT_REGION.variable(), config.defaultPhoneRegion()))
                .logRemoval(removal).asyncFailures(asyncFailures)
                .build());
        ingest.allow(pipeline.allowSend());
        ingest.allow(store.allowOnTable("dynamodb:UpdateItem"));
        ingest.allow(PolicyStatement.Builder.create().actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects(PREFIX + "*"))).build());
        // Only with a mail domain (senderEmail's): a rule set for a placeholder domain would be one more thing
        // to activate by mistake, and SES allows one active set per region.
        replyDomain.ifPresent(domain -> ReceiptRuleSet.Builder.create(this, "RuleSet").build()
                .addRule("SurveyReplies", ReceiptRuleOptions.builder()
                        .recipients(List.of(domain))
                        .scanEnabled(true)
                        .actions(List.of(
                                S3.Builder.create().bucket(bucket).objectKeyPrefix(PREFIX).build(),
                                Lambda.Builder.create().function(ingest.live()).invocationType(LambdaInvocationType.EVENT).build()))
                        .build()));
    }

    public TouchpointFunction ingest() {
        return ingest;
    }

    public Bucket bucket() {
        return bucket;
    }
}
