package dev.touchpoint.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.IConstruct;

/**
 * Every cdk-nag finding we accept, each with the reason it does not apply here or is a deliberate
 * trade-off. Suppressions name one rule on one resource; nothing is suppressed stack-wide.
 */
final class NagSuppressionsForTouchpoint {

    private NagSuppressionsForTouchpoint() {
    }

    static void apply(PublicApi api, Optional<Secret> apiKey, DashboardHosting dashboard, boolean webAclAttached, SurveyDispatch surveys,
                      ChannelWebhooks channels, TouchpointFunction processor, InboundEmail inbound) {
        // The CDK's own BucketDeployment function copies the dashboard's files at deploy time; it is the
        // CDK's code, not ours, and runs only during deployments.
        String deployer = "/" + Stack.of(api).getStackName() + "/Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C";
        NagSuppressions.addResourceSuppressionsByPath(Stack.of(api), deployer, List.of(
                NagPackSuppression.builder().id("AwsSolutions-L1").reason("The CDK's BucketDeployment picks its own Python "
                        + "runtime; it runs only while deploying the dashboard's files.").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM4").reason("The CDK's BucketDeployment uses the basic Lambda "
                        + "execution managed policy for its logs.").build(),
                NagPackSuppression.builder().id("AwsSolutions-IAM5").reason("The CDK's BucketDeployment reads the asset bucket "
                        + "and writes the dashboard bucket's objects, and invalidates the distribution (which has no "
                        + "resource-level permission).").build()), true);
        suppress(inbound.bucket(), "AwsSolutions-S1", "Only SES writes here and only ingest-email reads, once per message; "
                + "objects expire after 30 days. Access logs would keep customers' addresses longer than the mail itself.");
        NagSuppressions.addResourceSuppressions(inbound.ingest().role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("ingest-email reads the messages SES stores under the inbound/ prefix; their keys are SES message ids, "
                        + "known only when the mail arrives.")
                .appliesTo(List.of("Resource::<InboundEmailMessagesF51E2E90.Arn>/inbound/*"))
                .build()), true);
        channels.secrets().forEach(secret -> suppress(secret, "AwsSolutions-SMG4", "A provider credential (Twilio, Meta) is "
                + "issued and rotated by the provider; the operator puts the new value here when they rotate it there."));
        NagSuppressions.addResourceSuppressions(processor.role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Replies to two-way SMS go through sns:Publish to a phone number, which has no ARN; a Deny on every "
                        + "topic ARN keeps the grant to SMS only.")
                .appliesTo(List.of("Resource::*", "Resource::arn:aws:sns:*:*:*"))
                .build()), true);
        suppress(surveys.tokenKey(), "AwsSolutions-SMG4", "Rotating the survey-link key invalidates every link already "
                + "sent; it is rotated by an operator between campaigns (docs/deploy.md), not on a schedule.");
        NagSuppressions.addResourceSuppressions(surveys.dispatcher().role(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("sns:Publish to a phone number has no resource ARN, so SMS needs Resource *; a Deny on every "
                        + "topic ARN in the same policy keeps the grant to SMS only.")
                .appliesTo(List.of("Resource::*", "Resource::arn:aws:sns:*:*:*"))
                .build()), true);
        suppress(api.api(), "AwsSolutions-APIG4", "Authorisation happens in the functions: /v1 routes check the x-api-key "
                + "(only its hash is held, compared in constant time), webhooks check the provider's signature over the raw "
                + "body, survey pages check signed tokens. An API Gateway authorizer could not verify webhook signatures and "
                + "would add an invocation to every request.");
        apiKey.ifPresent(secret -> suppress(secret, "AwsSolutions-SMG4", "The API key is shared with the systems that call the API; a scheduled "
                + "rotation would lock them out unannounced. Rotation is an operator step in docs/deploy.md."));
        suppress(dashboard.bucket(), "AwsSolutions-S1", "The bucket holds only the dashboard's static files (no customer "
                + "data) and is readable only by CloudFront through origin access control; data access is logged by the "
                + "API's access logs.");
        suppress(dashboard.distribution(), "AwsSolutions-CFR3", "Serves only static files with no customer data; the API "
                + "that serves data keeps access logs. CloudFront's standard logs would cost a bucket with ACLs.");
        suppress(dashboard.distribution(), "AwsSolutions-CFR1", "Customers and staff use the dashboard from anywhere; "
                + "it holds no data itself and every data call is authorised by the API.");
        if (!webAclAttached) {
            suppress(dashboard.distribution(), "AwsSolutions-CFR2", "Deploy Touchpoint-Edge-<stage> (us-east-1) and pass its "
                    + "WebAclArn as -c edgeWebAclArn to attach the web ACL (docs/deploy.md); until then the API's per-route "
                    + "throttles bound the anonymous routes.");
        }
        suppress(dashboard.distribution(), "AwsSolutions-CFR4", "On the default *.cloudfront.net certificate CloudFront "
                + "does not let a minimum TLS version be set; a custom domain with its own certificate enforces TLS 1.2.");
    }

    static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }
}
