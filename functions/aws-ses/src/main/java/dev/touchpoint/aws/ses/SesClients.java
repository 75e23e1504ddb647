package dev.touchpoint.aws.ses;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The SES v2 client a function that sends mail builds once per container. */
public final class SesClients {

    private SesClients() {
    }

    public static SesV2Client create(Environment env) {
        return AwsClients.configure(SesV2Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), env, "SESV2").build();
    }
}
