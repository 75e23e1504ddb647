package dev.touchpoint.aws.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.contract.config.Setting;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** The Secrets Manager adapter against AWS's documented wire answers for GetSecretValue (JSON 1.1 protocol). */
class SecretSettingsTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:touchpoint/api-key-AbCdEf";
    private WireMockServer aws;

    @BeforeEach
    void startStub() {
        aws = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        aws.start();
    }

    @AfterEach
    void stopStub() {
        aws.stop();
    }

    private Environment env(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", aws.baseUrl()));
        values.putAll(extra);
        return Environment.of(values);
    }

    @Test
    void read_plainVariable_winsWithoutAnyCall() {
        assertEquals(Optional.of("plain"), SecretSettings.read(env(Map.of(Setting.API_KEY.variable(), "plain",
                Setting.API_KEY.secretArnVariable(), ARN)), Setting.API_KEY));
        assertEquals(0, aws.getAllServeEvents().size());
    }

    @Test
    void read_secretArn_fetchesTheSecretStringOnce() {
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody("""
                        {"ARN":"%s","CreatedDate":1.795428901E9,"Name":"touchpoint/api-key",
                         "SecretString":"tp_live_0123456789abcdef","VersionId":"EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE",
                         "VersionStages":["AWSCURRENT"]}""".formatted(ARN))));

        Optional<String> key = SecretSettings.read(env(Map.of(Setting.API_KEY.secretArnVariable(), ARN)), Setting.API_KEY);

        assertEquals(Optional.of("tp_live_0123456789abcdef"), key);
        aws.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"SecretId\":\"" + ARN + "\"}")));
    }

    @Test
    void read_missingSecret_failsLoudly() {
        aws.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Secrets Manager can't find the specified secret.\"}")));

        assertThrows(ResourceNotFoundException.class,
                () -> SecretSettings.read(env(Map.of(Setting.API_KEY.secretArnVariable(), ARN)), Setting.API_KEY));
    }

    @Test
    void read_neither_isEmpty() {
        assertEquals(Optional.empty(), SecretSettings.read(env(Map.of()), Setting.API_KEY));
    }
}
