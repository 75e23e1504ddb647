package dev.touchpoint.aws.startup;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.s3.S3RawEmailStore;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sns.SnsDetractorAlerts;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A client's first call, made at once on a thread of its own while the function's wiring builds the
 * rest ({@link AheadOfFirstEvent}: in Lambda only, and not once the primes have begun). A wiring asks
 * for it right after building a client its first event will use; the call changes nothing.
 */
public final class FirstCalls {

    private FirstCalls() {
    }

    /**
     * An update its condition refuses, on a key that never exists. An update, not a read: every
     * function that writes may update, while the webhook functions may not read (closed-loop, which only
     * reads, is refused it and loads the same path).
     */
    public static void dynamoDb(Environment env, DynamoDbClient client, String table) {
        AheadOfFirstEvent.start(env, "DynamoDB first call", () -> Priming.touchUpdate(client, table));
    }

    /** A send to a queue beside the function's own, which does not exist. */
    public static void sqs(Environment env, SqsClient client, String queueUrl) {
        AheadOfFirstEvent.start(env, "SQS first call", () -> Priming.touch(client, queueUrl));
    }

    /** A publish to a topic beside the alerts topic, which does not exist (closed-loop publishes every alert). */
    public static void sns(Environment env, SnsClient client, String topicArn) {
        AheadOfFirstEvent.start(env, "SNS first call", () -> SnsDetractorAlerts.touch(client, topicArn));
    }

    /** A read of a mail that does not exist (ingest-email reads a mail on every event). */
    public static void s3(Environment env, S3Client client, String bucket) {
        AheadOfFirstEvent.start(env, "S3 first call", () -> S3RawEmailStore.touch(client, bucket));
    }
}
