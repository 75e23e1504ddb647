package dev.touchpoint.aws.s3;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client ingest-email builds once per container, and its first call made ahead. */
public final class S3Clients {

    private S3Clients() {
    }

    /** Path-style addresses when an endpoint is given: LocalStack and local stand-ins serve buckets as paths, not host names. */
    public static S3Client create(Environment env) {
        return AwsClients.configure(S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(AwsClients.endpoint(env, "S3").isPresent()), env, "S3").build();
    }

    /** A read of a mail that does not exist, made ahead ({@link AheadOfFirstEvent}; ingest-email reads a mail on every event). */
    public static void firstCall(Environment env, S3Client client, String bucket) {
        AheadOfFirstEvent.start(env, "S3 first call", () -> S3RawEmailStore.touch(client, bucket));
    }
}
