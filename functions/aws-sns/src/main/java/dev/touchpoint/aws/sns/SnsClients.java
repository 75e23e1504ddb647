package dev.touchpoint.aws.sns;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The SNS client a function builds once per container, and its first call made ahead. */
public final class SnsClients {

    private SnsClients() {
    }

    public static SnsClient create(Environment env) {
        return AwsClients.configure(SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), env, "SNS").build();
    }

    /**
     * A publish to a topic beside the alerts topic, which does not exist, made ahead
     * ({@link AheadOfFirstEvent}; closed-loop publishes every alert).
     */
    public static void firstCall(Environment env, SnsClient client, String topicArn) {
        AheadOfFirstEvent.start(env, "SNS first call", () -> SnsDetractorAlerts.touch(client, topicArn));
    }
}
