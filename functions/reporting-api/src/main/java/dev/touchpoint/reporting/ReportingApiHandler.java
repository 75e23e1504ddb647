package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.aws.dynamodb.DynamoDbAggregateReader;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbSuppressionList;
import dev.touchpoint.aws.dynamodb.DynamoDbThreadRepository;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.contract.Route;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.customer.ProfileErasure;
import dev.touchpoint.domain.customer.ProfileLookup;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.reports.ResponseExport;
import dev.touchpoint.domain.reports.SummaryReport;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Lambda entry point of the reporting routes, {@code GET /v1/reports/summary} and {@code GET /v1/profiles/{id}} ({@code x-api-key} required). Configuration:
 * {@code TOUCHPOINT_TABLE}, {@code TOUCHPOINT_API_KEY} (or {@code …_SECRET_ARN}).
 */
public final class ReportingApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** What this function holds once per container. */
    public record Routes(ApiKeys keys, SummaryRoute summary, ProfileByIdRoute profiles, ResponsesRoute responses) {
    }

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final Routes ROUTES = build(Environment.system());

        static {
            Priming.beforeSnapshot("reporting-api", () -> prime(Environment.system(), ROUTES));
        }
    }

    private final Routes routes;

    public ReportingApiHandler() {
        this(FromEnvironment.ROUTES);
    }

    public ReportingApiHandler(Routes routes) {
        this.routes = routes;
    }

    /** The deployed surveys' ids, read from the classpath when a report first filters by one (not on every cold start). */
    private static final Supplier<Set<String>> SURVEY_IDS = new Supplier<>() {
        private volatile Set<String> ids;

        @Override
        public Set<String> get() {
            if (ids == null) {
                ids = SurveyCatalog.fromClasspath().all().stream().map(SurveyDefinition::id).collect(Collectors.toUnmodifiableSet());
            }
            return ids;
        }
    };

    public static Routes build(Environment env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String table = env.required(Setting.TABLE);
        DynamoDbProfileRepository profiles = new DynamoDbProfileRepository(dynamo, table);
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        DynamoDbThreadRepository threads = new DynamoDbThreadRepository(dynamo, table);
        return new Routes(ApiKeys.of(SecretSettings.read(env, Setting.API_KEY), env.optional(Setting.API_KEY_HASHES)),
                new SummaryRoute(new SummaryReport(new DynamoDbAggregateReader(dynamo, table)), SURVEY_IDS, Clock.systemUTC()),
                new ProfileByIdRoute(new ProfileLookup(profiles, responses, threads, new DynamoDbInvitationRepository(dynamo, table)),
                        new ProfileErasure(profiles, responses, threads, new DynamoDbInvitationRepository(dynamo, table),
                                new DynamoDbSuppressionList(dynamo, table), KeyedHashes.fromText(SecretSettings.required(env, Setting.SURVEY_TOKEN_KEY)), Clock.systemUTC())),
                new ResponsesRoute(new ResponseExport(responses), SURVEY_IDS, Clock.systemUTC()));
    }

    /**
     * SnapStart priming, without writing: tomorrow's and the next day's summary (no hour of theirs has
     * ended, so no folded cells are kept, where today's and yesterday's ended hours would keep theirs; two
     * days, so they are read at once as a month is), a profile that does not
     * exist, through the routes themselves past the key check; then a batched read of a key that never
     * exists (how a report reads its settled days' kept cells) and an update its condition refuses (how
     * it keeps them).
     */
    public static void prime(Environment env, Routes routes) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        routes.summary().handle(get("/v1/reports/summary",
                Map.of("from", today.plusDays(1).toString(), "to", today.plusDays(2).toString(), "groupBy", "channel")));
        String nobody = UUID.randomUUID().toString();
        routes.profiles().handle(get("/v1/profiles/" + nobody, Map.of()), nobody);
        Priming.touchBatchRead(AwsClients.dynamoDb(env), env.required(Setting.TABLE));
        Priming.touchUpdate(AwsClients.dynamoDb(env), env.required(Setting.TABLE));
    }

    private static HttpRequest get(String path, Map<String, String> query) {
        return Priming.httpRequest("GET", path, query, Map.of(), null);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HttpRequest request = new HttpRequest(event);
        Optional<Route.Match> match = request.route().filter(m -> m.route().function() == ApiFunction.REPORTING_API);
        if (match.isEmpty()) {
            return HttpResponses.noRoute(request.method(), request.path());
        }
        if (!routes.keys().accepts(request)) {
            return HttpResponses.problem(401, ProblemType.UNAUTHORIZED,
                    "Send a valid key in the " + ApiKeys.HEADER + " header.", request.path());
        }
        try {
            String id = match.get().pathParameter("id");
            return switch (match.get().route()) {
                case GET_REPORT_SUMMARY -> routes.summary().handle(request);
                case LIST_RESPONSES -> routes.responses().handle(request);
                case EXPORT_PROFILE -> routes.profiles().export(request, id);
                case ERASE_PROFILE -> routes.profiles().delete(request, id);
                case GET_PROFILE -> routes.profiles().handle(request, id);
                default -> throw new IllegalStateException(match.get().route() + " is not reporting-api's");
            };
        } catch (RuntimeException e) {
            JsonLines.of("reporting-api", context).error("request.failed", null,
                    match.get().route().key() + " failed: " + e.getClass().getName());
            return HttpResponses.problem(503, ProblemType.TEMPORARILY_UNAVAILABLE, "Retry the report later.",
                    request.path());
        }
    }
}
