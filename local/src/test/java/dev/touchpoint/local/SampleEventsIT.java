package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample events in events/ replayed through {@code POST /_local/invoke/{function}}, as a developer
 * would: the real handlers take the AWS-shaped events as Lambda would hand them over.
 */
class SampleEventsIT {

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"},
                Map.of(Setting.API_KEY.variable(), "sample-api-key")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    static String sample(String path) throws IOException {
        try (InputStream in = SampleEventsIT.class.getResourceAsStream("/events/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no sample event " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode invoke(String function, String sample) throws IOException {
        HttpResponse<String> response = api.post("/_local/invoke/" + function, "application/json", null,
                sample(sample).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return StrictJson.read(response.body());
    }

    @Test
    void ingestApi_postFeedbackSample_isAcceptedAndLandsInTheProfile() throws IOException {
        JsonNode accepted = invoke("ingest-api", "api-gateway/post-feedback.json");
        assertEquals(202, accepted.get("statusCode").asInt());

        JsonNode found = eventually("the sample customer's profile has the response",
                () -> {
                    try {
                        return invoke("ingest-api", "api-gateway/get-profile-by-email.json");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                // The profile is written a moment before its response: wait for the response itself.
                r -> r.get("statusCode").asInt() == 200 && r.get("body").asText().contains("Hızlı teslimat"));
        JsonNode profile = StrictJson.read(found.get("body").asText());
        assertEquals("Ayşe", profile.get("name").asText());
        assertTrue(StreamSupport.stream(profile.get("responses").spliterator(), false)
                .anyMatch(r -> r.get("answers").get(1).path("value").asText().equals("Hızlı teslimat")));
    }

    @Test
    void processor_twoChannelBatch_recordsBothUnderOneCustomer() throws IOException {
        JsonNode result = invoke("processor", "sqs/feedback-batch.json");
        assertEquals(0, result.get("batchItemFailures").size());

        JsonNode profile = StrictJson.read(api.get("/v1/profiles?phone=%2B905551112233").body());
        assertEquals(2, profile.get("responses").size());
        assertEquals("sms", profile.get("responses").get(0).get("channel").asText());
        assertEquals("whatsapp", profile.get("responses").get(1).get("channel").asText());

        assertEquals(0, invoke("processor", "sqs/feedback-batch.json").get("batchItemFailures").size(),
                "a redelivered batch succeeds");
        assertEquals(2, StrictJson.read(api.get("/v1/profiles?phone=%2B905551112233").body()).get("responses").size(),
                "and changes nothing");
    }

    @Test
    void processor_poisonSample_isReportedAsTheOneFailedRecord() throws IOException {
        JsonNode result = invoke("processor", "sqs/poison-message.json");
        assertEquals(1, result.get("batchItemFailures").size());
        assertEquals("5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", result.get("batchItemFailures").get(0).get("itemIdentifier").asText());
    }
}
