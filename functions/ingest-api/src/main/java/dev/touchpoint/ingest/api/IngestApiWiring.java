package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.PublishableKeys;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbRateLimiter;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbThreadRepository;
import dev.touchpoint.aws.lambda.SampleEvents;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.sqs.SqsPrimes;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.customer.ProfileLookup;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.feedback.SubmissionCheck;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyCheck;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.interaction.InteractionReader;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import dev.touchpoint.wire.survey.DeployedSurveys;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Composition root of ingest-api: builds the clients and use cases once, from its settings
 * ({@link IngestApiSettings}) and its secrets: {@code TOUCHPOINT_API_KEY} (the key {@code /v1/*}
 * accepts) and {@code TOUCHPOINT_SURVEY_TOKEN_KEY} (under which response and invitation ids are derived
 * from the caller's ids, {@code KeyedHashes}), each a value or a {@code …_SECRET_ARN}.
 */
public final class IngestApiWiring {

    private IngestApiWiring() {
    }

    public static IngestApi build(Environment env) {
        IngestApiSettings settings = IngestApiSettings.from(env);
        SqsClient sqs = SqsClients.create(env);
        String queueUrl = settings.requiredQueueUrl();
        SqsClients.firstCall(env, sqs, queueUrl);
        return build(env, settings, new SqsFeedbackQueue(sqs, queueUrl));
    }

    /** The same, handing messages to the given queue (the bench times the handler without the queue's I/O). */
    public static IngestApi build(Environment env, FeedbackQueue queue) {
        return build(env, IngestApiSettings.from(env), queue);
    }

    private static IngestApi build(Environment env, IngestApiSettings settings, FeedbackQueue queue) {
        return build(env, settings, queue, ApiKeys.of(SecretSettings.read(env, Setting.API_KEY), settings.apiKeyHashes()));
    }

    private static IngestApi build(Environment env, IngestApiSettings settings, FeedbackQueue queue, ApiKeys keys) {
        Clock clock = Clock.systemUTC();
        IdentityNormalizer normalizer = new IdentityNormalizer(settings.phoneRegion());
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        String table = settings.table();
        DynamoDbClients.firstCall(env, dynamo, table);
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        ProfileLookup lookup = new ProfileLookup(new DynamoDbProfileRepository(dynamo, table), responses, new DynamoDbThreadRepository(dynamo, table),
                new DynamoDbInvitationRepository(dynamo, table));
        WidgetAccess widgets = new WidgetAccess(PublishableKeys.parse(settings.publishableKeys()),
                new DynamoDbRateLimiter(dynamo, table), settings.widgetRateLimit(), clock);
        SurveyCatalog surveys = DeployedSurveys.catalog();
        KeyedHashes ids = KeyedHashes.fromText(SecretSettings.required(env, Setting.SURVEY_TOKEN_KEY));
        TouchpointCatalog touchpoints = DeployedSurveys.touchpoints(surveys);
        CheckedSubmissions submissions = new CheckedSubmissions(new SubmissionCheck(normalizer, clock),
                new SurveyCheck(surveys, touchpoints), touchpoints);
        return new IngestApi(keys, widgets, List.of(
                new FeedbackRoute(submissions, new FeedbackIntake(queue, ids, SubmissionWriter::canonical, clock)),
                new ImportRoute(submissions, new FeedbackIntake(queue, ids, SubmissionWriter::canonical, clock)),
                new FeedbackBatchRoute(submissions, new FeedbackIntake(queue, ids, SubmissionWriter::canonical, clock)),
                new InteractionRoute(new InteractionReader(normalizer, clock), surveys, queue, ids, clock),
                new ProfileRoute(normalizer, lookup),
                new ReplyRoute(lookup, responses, queue, clock)));
    }

    /** The contract's example submission, as the HTTP API hands it over (events/README.md): what priming walks through. */
    private static final String SAMPLE_POST = "api-gateway/post-feedback.json";

    /**
     * SnapStart priming (no side effects): the sample submission accepted by an API like this one but
     * with a priming key and a queue that only encodes; refused by this one for want of a key; and the
     * SQS client's send path (see {@link SqsPrimes#touch}).
     */
    public static void prime(Environment env, IngestApi api) {
        IngestApiSettings settings = IngestApiSettings.from(env);
        String key = "priming-" + UUID.randomUUID();
        IngestApi offline = build(env, settings, QueueMessageCodec::encode, ApiKeys.of(Optional.of(key), Optional.empty()));
        offline.handle(samplePost(Map.of("content-type", "application/json", "x-api-key", key)), line -> { });
        api.handle(samplePost(Map.of("content-type", "application/json")), line -> { });
        JsonLines.prime();
        SqsPrimes.touch(SqsClients.create(env), settings.requiredQueueUrl());
    }

    /** The sample with these headers instead of its own (its key is the samples' key, not this deployment's). */
    private static HttpRequest samplePost(Map<String, String> headers) {
        APIGatewayV2HTTPEvent sample = SampleEvents.read(SAMPLE_POST, APIGatewayV2HTTPEvent.class);
        sample.setHeaders(headers);
        return new HttpRequest(sample);
    }
}
