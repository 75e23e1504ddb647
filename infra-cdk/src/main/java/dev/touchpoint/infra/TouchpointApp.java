package dev.touchpoint.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** {@code cdk synth} / {@code cdk deploy} entry point. */
public final class TouchpointApp {

    private TouchpointApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        StageConfig config = StageConfig.fromContext(app.getNode());
        build(app, config, FunctionJars.fromRepository());
        app.synth();
    }

    /**
     * The stack, and its edge stack in us-east-1 (where a CloudFront web ACL must live), with cdk-nag
     * applied: an unsuppressed finding is an error, and errors fail the synth.
     */
    static TouchpointStack build(App app, StageConfig config, FunctionJars jars) {
        new EdgeProtection(app, "Touchpoint-Edge-" + config.stage(), StackProps.builder()
                .env(Environment.builder().account(System.getenv("CDK_DEFAULT_ACCOUNT")).region("us-east-1").build())
                .description("Touchpoint web ACL for CloudFront (" + config.stage() + "); its WebAclArn goes to -c edgeWebAclArn")
                .build());
        TouchpointStack stack = new TouchpointStack(app, "Touchpoint-" + config.stage(), StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .description("Touchpoint omni-channel customer feedback (" + config.stage() + ")")
                .build(), config, jars);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
