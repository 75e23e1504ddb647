package dev.touchpoint.infra;

import dev.touchpoint.contract.config.Setting;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One Touchpoint Lambda function, the same way for every module: its Maven-built jar, java25 on arm64,
 * Lambda's JSON log format into a log group with a retention, X-Ray active tracing, SnapStart on published versions behind
 * the alias {@code live} (what every trigger invokes), a role that grants nothing until the owning
 * construct grants exactly what the function uses.
 */
public final class TouchpointFunction extends Construct {

    /**
     * C1 only. On java25 with SnapStart, Lambda's own default would be the JVM's full tiered compilation
     * (it compiles before the snapshot); measured, C1 only makes the first event after a primed snapshot
     * faster (ingest-api 36 against 58 ms, the processor 93 against 124 ms) and a plain start much faster
     * (docs/performance.md). Our handlers wait on I/O, where C2's later peak rarely pays.
     */
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Function function;
    private final Alias live;
    private final Role role;

    public TouchpointFunction(Construct scope, String id, TouchpointFunctionProps spec) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(spec.logRemoval())
                .build();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs the " + spec.name() + " function; grants only what it uses")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());
        Map<String, String> env = new HashMap<>(spec.environment());
        env.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        env.put(Setting.METRICS_NAMESPACE.variable(), metricsNamespace(scope));
        this.function = Function.Builder.create(this, "Function")
                .description(spec.description())
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .code(Code.fromAsset(spec.jars().jarOf(spec.name())))
                .handler(spec.handler())
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .role(role)
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(applicationLogLevel(scope))
                .systemLogLevelV2(SystemLogLevel.WARN)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                // X-Ray active tracing, without the X-Ray SDK: Lambda traces each invocation, and the AWS SDK's
                // own TraceIdExecutionInterceptor sends the invocation's trace header with every call, so SQS keeps
                // it as the message's AWSTraceHeader and the processor's invocation joins the webhook's trace.
                .tracing(Tracing.ACTIVE)
                .environment(env)
                .deadLetterQueue(spec.asyncFailures().orElse(null))
                .build();
        this.live = Alias.Builder.create(this, "Live")
                .aliasName("live")
                .version(function.getCurrentVersion())
                .build();
        // Active tracing grants xray:PutTraceSegments and PutTelemetryRecords on *: X-Ray has no resource-level
        // permissions. TouchpointStackTest allows Resource * for these two actions and few others.
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("X-Ray's trace writes (active tracing) have no resource-level permissions.")
                .appliesTo(List.of("Resource::*")).build()), true);
        // An SNS subscription whose endpoint is this alias (delivery-events, ingest-sms) is what SnapStart needs,
        // and valid: an alias ARN is a qualified function ARN. CloudFormation's validator expects a function.
        Validations.of(live).acknowledge(Acknowledgment.builder().id("CloudFormation-Validate::W3694")
                .reason("SNS invokes the live alias, the published version SnapStart restores; an alias ARN is a qualified function ARN")
                .build());
        // The alias above is the published version SnapStart needs; the CDK warns when it cannot see one.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "published through the live alias");
    }

    /**
     * Production keeps INFO and above (what an on-call engineer acts on); other stages keep DEBUG too: each
     * message the processor handled, with its correlation id, to follow one response end to end.
     */
    static ApplicationLogLevel applicationLogLevel(Construct scope) {
        Object stage = scope.getNode().tryGetContext("stage");
        return "prod".equals(stage) ? ApplicationLogLevel.INFO : ApplicationLogLevel.DEBUG;
    }

    /** Where the functions' EMF metrics go: one namespace per stage, so dev's traffic never moves prod's alarms. */
    static String metricsNamespace(Construct scope) {
        Object stage = scope.getNode().tryGetContext("stage");
        return "Touchpoint/" + (stage == null ? "dev" : stage.toString());
    }

    public Function function() {
        return function;
    }

    /** What triggers invoke: the SnapStart-enabled published version. */
    public Alias live() {
        return live;
    }

    public Role role() {
        return role;
    }

    public void allow(PolicyStatement statement) {
        role.addToPolicy(statement);
    }
}
