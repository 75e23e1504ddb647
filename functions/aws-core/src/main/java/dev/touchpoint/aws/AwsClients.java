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
import software.amazon.awssdk.regions.Region;

/**
 * How every AWS client is built, whatever its service: from the standard variables: {@code AWS_REGION}, {@code AWS_ENDPOINT_URL} and
 * {@code AWS_ENDPOINT_URL_<SERVICE>} (how LocalStack and the local runtime plug in), and the
 * credential variables when present. Read from an {@link Environment} rather than by the SDK itself,
 * so that the local runtime can wire several sets of clients in one JVM. Each service's module builds
 * its own client with these ({@code DynamoDbClients}, {@code SqsClients}, …). Build once per container.
 */
public final class AwsClients {

    /**
     * How long one attempt of a DynamoDB or SQS call may take before the SDK gives it up and tries again
     * on a fresh connection ({@code TOUCHPOINT_AWS_ATTEMPT_TIMEOUT_MS}, default 3 000). Their calls take
     * milliseconds; without it a call on a connection that went dead while the container was frozen
     * waits for the HTTP client's 30 s read timeout, past ingest-api's 10 s Lambda timeout, and the
     * client gets API Gateway's bare 503 instead of ours. A retried attempt may have been done already:
     * every write it can repeat is conditional or idempotent, but for the counters (a rate limit, webhook
     * event counts), which may count one request twice; a repeated send is counted once by the processor.
     */
    public static Duration attemptTimeout(Environment env) {
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
    public static Duration callTimeout(Environment env) {
        return Duration.ofMillis(env.optional(Setting.AWS_CALL_TIMEOUT_MS).map(Long::parseLong).orElse(4_000L));
    }

    private AwsClients() {
    }

    /** The region, the endpoint when one is given for {@code service} ({@code AWS_ENDPOINT_URL_<service>}), the credentials. */
    public static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Environment env, String service) {
        builder.region(region(env)).credentialsProvider(credentials(env));
        endpoint(env, service).ifPresent(builder::endpointOverride);
        return builder;
    }

    static Region region(Environment env) {
        return Region.of(env.optional("AWS_REGION").or(() -> env.optional("AWS_DEFAULT_REGION"))
                .orElseThrow(() -> new IllegalStateException("AWS_REGION is not set")));
    }

    public static Optional<URI> endpoint(Environment env, String service) {
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
