package dev.touchpoint.aws;

import dev.touchpoint.contract.config.Setting;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds AWS clients from the standard variables: {@code AWS_REGION}, {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ENDPOINT_URL_<SERVICE>} (how LocalStack and the local runtime plug in), and the
 * credential variables when present. Read from an {@link Environment} rather than by the SDK itself,
 * so that the local runtime can wire several sets of clients in one JVM. Build once per container.
 */
public final class AwsClients {

    /**
     * The SDK's standard retries (3 attempts, a retry budget that stops retrying when most calls fail)
     * rather than DynamoDB's legacy default (9 attempts backing off up to 20 s). A throttled call waits
     * up to 50 ms, then up to 100 ms (full jitter; DynamoDB's guidance starts backoff at 50 ms), not the
     * standard mode's up to 1 s and 2 s: one throttled write must not hold a whole processor batch for
     * seconds; if throttling persists, the message fails and SQS redelivers it later.
     */
    private static RetryStrategy dynamoDbRetries() {
        // One per client: the strategy's retry budget is state, and one client's failures must not spend another's.
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(3)
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(1)))
                .build();
    }

    /**
     * How long one attempt of a DynamoDB or SQS call may take before the SDK gives it up and tries again
     * on a fresh connection ({@code TOUCHPOINT_AWS_ATTEMPT_TIMEOUT_MS}, default 3 000). Their calls take
     * milliseconds; without it a call on a connection that went dead while the container was frozen
     * waits for the HTTP client's 30 s read timeout, past ingest-api's 10 s Lambda timeout, and the
     * client gets API Gateway's bare 503 instead of ours. A retried attempt may have been done already:
     * every write it can repeat is conditional or idempotent, but for the counters (a rate limit, webhook
     * event counts), which may count one request twice; a repeated send is counted once by the processor.
     */
    static Duration attemptTimeout(Environment env) {
        return Duration.ofMillis(env.optional(Setting.AWS_ATTEMPT_TIMEOUT_MS).map(Long::parseLong).orElse(3_000L));
    }

    /**
     * How long a whole DynamoDB or SQS call may take, its attempts and the pauses between them included
     * ({@code TOUCHPOINT_AWS_CALL_TIMEOUT_MS}, default 4 000). The attempt timeout alone lets a call that
     * never gets an answer go on for three attempts, about 9 s; a widget submission makes two calls one
     * after the other (its rate limit, then the send), which could then outlast ingest-api's 10 s Lambda
     * timeout. Within 4 s a call still has a fresh attempt after a dead one, and two calls end in time for
     * the function to answer its own 503 (and Lambda not to reset the container).
     */
    static Duration callTimeout(Environment env) {
        return Duration.ofMillis(env.optional(Setting.AWS_CALL_TIMEOUT_MS).map(Long::parseLong).orElse(4_000L));
    }

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Environment env) {
        return configure(DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(dynamoDbRetries()).apiCallAttemptTimeout(attemptTimeout(env))
                        .apiCallTimeout(callTimeout(env))),
                env, "DYNAMODB").build();
    }

    public static SqsClient sqs(Environment env) {
        return configure(SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout(env)).apiCallTimeout(callTimeout(env))),
                env, "SQS").build();
    }

    public static SesV2Client sesV2(Environment env) {
        return configure(SesV2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), env, "SESV2").build();
    }

    public static SnsClient sns(Environment env) {
        return configure(SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), env, "SNS").build();
    }

    /** Path-style addresses when an endpoint is given: LocalStack and local stand-ins serve buckets as paths, not host names. */
    public static S3Client s3(Environment env) {
        return configure(S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(endpoint(env, "S3").isPresent()), env, "S3").build();
    }

    public static SecretsManagerClient secretsManager(Environment env) {
        return configure(SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), env, "SECRETS_MANAGER").build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Environment env, String service) {
        builder.region(region(env)).credentialsProvider(credentials(env));
        endpoint(env, service).ifPresent(builder::endpointOverride);
        return builder;
    }

    static Region region(Environment env) {
        return Region.of(env.optional("AWS_REGION").or(() -> env.optional("AWS_DEFAULT_REGION"))
                .orElseThrow(() -> new IllegalStateException("AWS_REGION is not set")));
    }

    static Optional<URI> endpoint(Environment env, String service) {
        return env.optional("AWS_ENDPOINT_URL_" + service).or(() -> env.optional("AWS_ENDPOINT_URL")).map(URI::create);
    }

    /** Keys in the environment when given (local runtime, LocalStack, plain Lambda); otherwise the SDK's chain (SnapStart, profiles). */
    static AwsCredentialsProvider credentials(Environment env) {
        Optional<String> keyId = env.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.optional("AWS_SECRET_ACCESS_KEY");
        if (keyId.isEmpty() || secret.isEmpty()) {
            return DefaultCredentialsProvider.builder().build();
        }
        Optional<String> session = env.optional("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(session.isPresent()
                ? AwsSessionCredentials.create(keyId.get(), secret.get(), session.get())
                : AwsBasicCredentials.create(keyId.get(), secret.get()));
    }
}
