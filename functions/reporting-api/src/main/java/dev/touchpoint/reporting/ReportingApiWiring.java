package dev.touchpoint.reporting;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.dynamodb.DynamoDbAggregateReader;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbPrimes;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbSuppressionList;
import dev.touchpoint.aws.dynamodb.DynamoDbThreadRepository;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.customer.ProfileErasure;
import dev.touchpoint.domain.customer.ProfileLookup;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.reports.ResponseExport;
import dev.touchpoint.domain.reports.SummaryReport;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.wire.survey.DeployedSurveys;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Composition root of reporting-api: builds its routes from its settings ({@link ReportingApiSettings})
 * and its secrets ({@code TOUCHPOINT_API_KEY}, {@code TOUCHPOINT_SURVEY_TOKEN_KEY}, each a value or a
 * {@code …_SECRET_ARN}), and primes them.
 */
public final class ReportingApiWiring {

    private ReportingApiWiring() {
    }

    /** The deployed surveys' ids, read from the classpath when a report first filters by one (not on every cold start). */
    private static final Supplier<Set<String>> SURVEY_IDS = new Supplier<>() {
        private volatile Set<String> ids;

        @Override
        public Set<String> get() {
            if (ids == null) {
                ids = DeployedSurveys.catalog().all().stream().map(SurveyDefinition::id).collect(Collectors.toUnmodifiableSet());
            }
            return ids;
        }
    };

    public static ReportingApi build(Environment env) {
        ReportingApiSettings settings = ReportingApiSettings.from(env);
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        String table = settings.table();
        DynamoDbClients.firstCall(env, dynamo, table);
        DynamoDbProfileRepository profiles = new DynamoDbProfileRepository(dynamo, table);
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        DynamoDbThreadRepository threads = new DynamoDbThreadRepository(dynamo, table);
        return new ReportingApi(ApiKeys.of(SecretSettings.read(env, Setting.API_KEY), settings.apiKeyHashes()),
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
    public static void prime(Environment env, ReportingApi routes) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        routes.summary().handle(get("/v1/reports/summary",
                Map.of("from", today.plusDays(1).toString(), "to", today.plusDays(2).toString(), "groupBy", "channel")));
        String nobody = UUID.randomUUID().toString();
        routes.profiles().handle(get("/v1/profiles/" + nobody, Map.of()), nobody);
        String table = ReportingApiSettings.from(env).table();
        DynamoDbPrimes.touchBatchRead(DynamoDbClients.create(env), table);
        DynamoDbPrimes.touchUpdate(DynamoDbClients.create(env), table);
    }

    private static HttpRequest get(String path, Map<String, String> query) {
        return Priming.httpRequest("GET", path, query, Map.of(), null);
    }
}
