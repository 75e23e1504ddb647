package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.AwsClients.attemptTimeout;
import static dev.touchpoint.aws.AwsClients.callTimeout;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import java.time.Duration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB client every function builds once per container, and its first call made ahead. */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /** With the timeouts every client has ({@link AwsClients}) and DynamoDB's own retries. */
    public static DynamoDbClient create(Environment env) {
        return AwsClients.configure(DynamoDbClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retries()).apiCallAttemptTimeout(attemptTimeout(env))
                        .apiCallTimeout(callTimeout(env))),
                env, "DYNAMODB").build();
    }

    /**
     * An update its condition refuses, on a key that never exists, made at once on a thread of its own
     * while the wiring builds the rest ({@link AheadOfFirstEvent}: in Lambda only). An update, not a
     * read: every function that writes may update, while the webhook functions may not read
     * (closed-loop, which only reads, is refused it and loads the same path).
     */
    public static void firstCall(Environment env, DynamoDbClient client, String table) {
        AheadOfFirstEvent.start(env, "DynamoDB first call", () -> DynamoDbPrimes.touchUpdate(client, table));
    }

    /**
     * The SDK's standard retries (3 attempts, a retry budget that stops retrying when most calls fail)
     * rather than DynamoDB's legacy default (9 attempts backing off up to 20 s). A throttled call waits
     * up to 50 ms, then up to 100 ms (full jitter; DynamoDB's guidance starts backoff at 50 ms), not the
     * standard mode's up to 1 s and 2 s: one throttled write must not hold a whole processor batch for
     * seconds; if throttling persists, the message fails and SQS redelivers it later.
     */
    private static RetryStrategy retries() {
        // One per client: the strategy's retry budget is state, and one client's failures must not spend another's.
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(3)
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(50), Duration.ofSeconds(1)))
                .build();
    }
}
