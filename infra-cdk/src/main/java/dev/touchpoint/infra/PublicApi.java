package dev.touchpoint.infra;

import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.contract.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.DomainMappingOptions;
import software.amazon.awscdk.services.apigatewayv2.DomainName;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.HttpStageOptions;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API every channel and client calls: one route per contract path, each to the live alias
 * of its function, with default throttling and JSON access logs (no bodies, no query strings: those
 * can hold personal data).
 */
public final class PublicApi extends Construct {

    static final int RATE_LIMIT_PER_SECOND = 200;
    static final int BURST_LIMIT = 400;
    /**
     * The anonymous routes' own throttles, requests a second across all callers: a kiosk, a QR landing, a
     * survey page or the widget needs a fraction of the stage's, and a flood of them must not starve the
     * rest of the API (docs/reliability.md).
     */
    static final Map<String, ThrottleSettings> ANONYMOUS_ROUTE_THROTTLES = Map.of(
            "POST /k/{touchpoint}", throttle(20, 40),
            "POST /q/{touchpoint}", throttle(20, 40),
            "POST /s/{token}", throttle(50, 100),
            "GET /k/{touchpoint}", throttle(50, 100),
            "GET /q/{touchpoint}", throttle(50, 100),
            "GET /s/{token}", throttle(100, 200),
            "OPTIONS /v1/feedback", throttle(50, 100));

    private final HttpApi api;
    private final HttpStage stage;
    private final Map<TouchpointFunction, HttpLambdaIntegration> integrations = new HashMap<>();
    private final Map<String, HttpRoute> routes = new HashMap<>();

    public PublicApi(Construct scope, String id, PublicApiProps props) {
        super(scope, id);
        RemovalPolicy logRemoval = props.logRemoval();
        Optional<String> customDomain = props.customDomain();
        Optional<String> certificateArn = props.certificateArn();
        this.api = HttpApi.Builder.create(this, "Api")
                .description("Touchpoint public API: feedback in, profiles and reports out, channel webhooks")
                .createDefaultStage(false)
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(logRemoval)
                .build();
        DomainMappingOptions mapping = customDomain.isEmpty() ? null
                : DomainMappingOptions.builder()
                        .domainName(DomainName.Builder.create(this, "Domain")
                                .domainName(customDomain.get())
                                .certificate(Certificate.fromCertificateArn(this,
                                        "Certificate", certificateArn.orElseThrow(() -> new IllegalArgumentException(
                                                "customDomain needs certificateArn: an ACM certificate for " + customDomain.get()))))
                                .build())
                        .build();
        this.stage = api.addStage("DefaultStage", HttpStageOptions.builder()
                .stageName("$default")
                .domainMapping(mapping)
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(RATE_LIMIT_PER_SECOND).burstLimit(BURST_LIMIT).build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                                + "\"time\":\"$context.requestTime\",\"routeKey\":\"$context.routeKey\","
                                + "\"status\":\"$context.status\",\"latencyMs\":\"$context.responseLatency\","
                                + "\"integrationError\":\"$context.integrationErrorMessage\"}");
                    }
                })
                .build());
    }

    /** Routes {@code method path} to the function's live alias (one integration per function). */
    /** Every route of the catalogue ({@link Route}), each to the live alias of the function that serves it. */
    public void routeTheCatalogue(Map<ApiFunction, TouchpointFunction> functions) {
        for (Route route : Route.values()) {
            route(HttpMethod.valueOf(route.method()), route.path(), Objects.requireNonNull(functions.get(route.function()),
                    () -> route.function() + " is not built"));
        }
    }

    private void route(HttpMethod method, String path, TouchpointFunction function) {
        HttpLambdaIntegration integration = integrations.computeIfAbsent(function,
                f -> new HttpLambdaIntegration(f.getNode().getId() + "Integration", f.live()));
        api.addRoutes(AddRoutesOptions.builder()
                .path(path)
                .methods(List.of(method))
                .integration(integration)
                .build()).forEach(route -> routes.put(method.name() + " " + path, route));
    }

    /**
     * Whatever no route serves (the {@code $default} route) goes to {@code function}, which answers a 404
     * problem+json as every other error of the API is written, instead of API Gateway's own
     * {@code {"message":"Not Found"}}.
     */
    public void unknownRoutes(TouchpointFunction function) {
        HttpLambdaIntegration integration = integrations.computeIfAbsent(function,
                f -> new HttpLambdaIntegration(f.getNode().getId() + "Integration", f.live()));
        routes.put("$default", HttpRoute.Builder.create(api, "UnknownRoutes")
                .httpApi(api).routeKey(HttpRouteKey.DEFAULT).integration(integration).build());
    }

    /**
     * Gives the anonymous routes their own throttles ({@link #ANONYMOUS_ROUTE_THROTTLES}), after every
     * route is added: a stage's route settings name routes that must exist before the stage is updated.
     */
    public void throttlePublicRoutes() {
        CfnStage cfnStage = (CfnStage) stage.getNode().getDefaultChild();
        Map<String, Object> settings = new HashMap<>();
        ANONYMOUS_ROUTE_THROTTLES.forEach((routeKey, limits) -> {
            HttpRoute route = routes.get(routeKey);
            if (route == null) {
                throw new IllegalStateException("no route " + routeKey + " to throttle");
            }
            // RouteSettings is free JSON to CloudFormation: its keys are written as CloudFormation spells them.
            settings.put(routeKey, Map.of("ThrottlingRateLimit", limits.getRateLimit(), "ThrottlingBurstLimit", limits.getBurstLimit()));
            cfnStage.getNode().addDependency(route);
        });
        cfnStage.setRouteSettings(settings);
    }

    private static ThrottleSettings throttle(int perSecond, int burst) {
        return ThrottleSettings.builder().rateLimit(perSecond).burstLimit(burst).build();
    }

    public HttpApi api() {
        return api;
    }

    public String url() {
        return stage.getUrl();
    }
}
