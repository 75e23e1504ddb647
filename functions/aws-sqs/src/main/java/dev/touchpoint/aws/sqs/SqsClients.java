package dev.touchpoint.aws.sqs;

import static dev.touchpoint.aws.AwsClients.attemptTimeout;
import static dev.touchpoint.aws.AwsClients.callTimeout;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS client a function builds once per container, and its first call made ahead. */
public final class SqsClients {

    private SqsClients() {
    }

    /** With the timeouts every client has ({@link AwsClients}). */
    public static SqsClient create(Environment env) {
        return AwsClients.configure(SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(attemptTimeout(env)).apiCallTimeout(callTimeout(env))),
                env, "SQS").build();
    }

    /** A send to a queue beside the function's own, which does not exist, made ahead ({@link AheadOfFirstEvent}). */
    public static void firstCall(Environment env, SqsClient client, String queueUrl) {
        AheadOfFirstEvent.start(env, "SQS first call", () -> SqsPrimes.touch(client, queueUrl));
    }
}
