package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The pipeline scenario against LocalStack instead of the embedded engines, through the standard
 * {@code AWS_ENDPOINT_URL}: no code changes, only configuration. Skips itself where no Docker engine
 * runs, saying so.
 */
class LocalStackPipelineIT {

    private static final DockerImageName LOCALSTACK = DockerImageName.parse("localstack/localstack:4.9");

    @Test
    void feedback_throughLocalStack_landsInTheUnifiedProfile() throws Exception {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "No Docker engine here: skipping the LocalStack run of the pipeline (it runs wherever Docker does)");
        try (LocalStackContainer localstack = new LocalStackContainer(LOCALSTACK).withServices("dynamodb", "sqs")) {
            localstack.start();
            Map<String, String> env = Map.of(
                    "AWS_ENDPOINT_URL", localstack.getEndpoint().toString(),
                    "AWS_REGION", localstack.getRegion(),
                    "AWS_ACCESS_KEY_ID", localstack.getAccessKey(),
                    "AWS_SECRET_ACCESS_KEY", localstack.getSecretKey(),
                    Setting.API_KEY.variable(), "localstack-key");
            try (LocalRuntime runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, env))) {
                LocalApi api = new LocalApi(runtime);
                assertEquals(202, api.postFeedback("""
                        {"externalId":"ls-1","channel":"sms","customer":{"email":"LS@EXAMPLE.COM","phone":"05551112233"},
                         "answers":[{"questionId":"nps","type":"nps","value":10}]}""").statusCode());

                JsonNode profile = eventually("the profile is in LocalStack's DynamoDB",
                        () -> api.get("/v1/profiles?phone=%2B905551112233"), r -> r.statusCode() == 200 && r.body().contains("ls-1"))
                        .body().transform(StrictJson::read);
                assertEquals("ls-1", profile.get("responses").get(0).get("externalId").asText());
            }
        }
    }
}
