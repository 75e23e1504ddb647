package dev.touchpoint.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ByteMatchStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.DefaultActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.FieldToMatchProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.ManagedRuleGroupStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.OrStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.OverrideActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RateBasedStatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleActionProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.RuleProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.StatementProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.TextTransformationProperty;
import software.amazon.awscdk.services.wafv2.CfnWebACL.VisibilityConfigProperty;
import software.constructs.Construct;

/**
 * The AWS WAF web ACL in front of the CloudFront distribution (the dashboard and the {@code /v1/*} it
 * passes to the API). A web ACL for CloudFront must live in us-east-1, whatever region the rest is in,
 * so it is a stack of its own: deploy it first ({@code cdk deploy Touchpoint-Edge-<stage>}), then pass
 * its {@code WebAclArn} output as {@code -c edgeWebAclArn=…} to the main stack (docs/deploy.md).
 *
 * <p>Rules, in order: Amazon's IP reputation list; at most {@value #PUBLIC_FORMS_PER_FIVE_MINUTES}
 * requests per five minutes from one address to the anonymous routes (kiosk, QR, survey pages, the
 * widget's feedback); at most {@value #ANY_PER_FIVE_MINUTES} to anything. API Gateway HTTP APIs cannot
 * take a web ACL themselves: the API's own per-route throttles ({@link PublicApi}) bound what reaches it
 * directly.
 */
public final class EdgeProtection extends Stack {

    static final int PUBLIC_FORMS_PER_FIVE_MINUTES = 300;
    static final int ANY_PER_FIVE_MINUTES = 3000;
    static final List<String> ANONYMOUS_PATHS = List.of("/k/", "/q/", "/s/", "/w/", "/widget.js", "/v1/feedback");

    private final CfnWebACL webAcl;

    public EdgeProtection(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        this.webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .scope("CLOUDFRONT")
                .defaultAction(DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility("touchpoint-edge"))
                .rules(List.of(
                        RuleProperty.builder().name("ip-reputation").priority(0)
                                .overrideAction(OverrideActionProperty.builder().none(Map.of()).build())
                                .statement(StatementProperty.builder().managedRuleGroupStatement(ManagedRuleGroupStatementProperty.builder()
                                        .vendorName("AWS").name("AWSManagedRulesAmazonIpReputationList").build()).build())
                                .visibilityConfig(visibility("ip-reputation")).build(),
                        RuleProperty.builder().name("anonymous-routes-per-address").priority(1)
                                .action(RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                                .statement(StatementProperty.builder().rateBasedStatement(RateBasedStatementProperty.builder()
                                        .limit(PUBLIC_FORMS_PER_FIVE_MINUTES).aggregateKeyType("IP")
                                        .scopeDownStatement(anonymousPaths()).build()).build())
                                .visibilityConfig(visibility("anonymous-routes-per-address")).build(),
                        RuleProperty.builder().name("any-route-per-address").priority(2)
                                .action(RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                                .statement(StatementProperty.builder().rateBasedStatement(RateBasedStatementProperty.builder()
                                        .limit(ANY_PER_FIVE_MINUTES).aggregateKeyType("IP").build()).build())
                                .visibilityConfig(visibility("any-route-per-address")).build()))
                .build();
        CfnOutput.Builder.create(this, "WebAclArn").value(webAcl.getAttrArn())
                .description("Pass to the main stack: cdk deploy -c edgeWebAclArn=<this>").build();
    }

    public CfnWebACL webAcl() {
        return webAcl;
    }

    private static StatementProperty anonymousPaths() {
        return StatementProperty.builder().orStatement(OrStatementProperty.builder().statements(ANONYMOUS_PATHS.stream()
                .map(path -> (Object) StatementProperty.builder().byteMatchStatement(ByteMatchStatementProperty.builder()
                        .fieldToMatch(FieldToMatchProperty.builder().uriPath(Map.of()).build())
                        .positionalConstraint("STARTS_WITH").searchString(path)
                        .textTransformations(List.of(TextTransformationProperty.builder().priority(0).type("NONE").build()))
                        .build()).build()).toList()).build()).build();
    }

    private static VisibilityConfigProperty visibility(String name) {
        return VisibilityConfigProperty.builder().metricName(name).cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).build();
    }
}
