package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, a clean stop and a start lose nothing: not the table, not what was still queued. */
class RestartIT {

    @TempDir
    Path dataDir;

    private LocalRuntime start() throws Exception {
        return LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0"},
                Map.of(Setting.API_KEY.variable(), "restart-key", Setting.DATA_DIR.variable(), dataDir.toString())));
    }

    @Test
    void restart_keepsProfilesAndQueuedMessages() throws Exception {
        // GIVEN a recorded response and a message that cannot be processed yet
        try (LocalRuntime first = start()) {
            LocalApi api = new LocalApi(first);
            assertEquals(202, api.postFeedback("""
                    {"externalId":"keep-1","channel":"paper","customer":{"email":"kept@example.com"},
                     "answers":[{"questionId":"nps","type":"nps","value":7}]}""").statusCode());
            eventually("the response is recorded", () -> api.get("/v1/profiles?email=kept@example.com").body().contains("keep-1"));
            first.sqs().sendMessage(m -> m.queueUrl(first.queues().feedbackUrl()).messageBody("{\"kind\":\"later\"}"));
        }
        // WHEN stopped cleanly, THEN the queued message stays in the queue's own storage, no spool file needed
        assertTrue(Files.notExists(dataDir.resolve("queues/feedback.jsonl")));

        // AND after a new start both are back
        try (LocalRuntime second = start()) {
            JsonNode profile = StrictJson.read(new LocalApi(second).get("/v1/profiles?email=kept@example.com").body());
            assertEquals("keep-1", profile.get("responses").get(0).get("externalId").asText());
            eventually("the kept message is queued still",
                    () -> second.queueDepth(second.queues().feedbackUrl()).total() == 1);
        }
    }

    /** A spool file a version before 2026-12-07 left at a clean stop is queued again, then removed. */
    @Test
    void aSpoolFileOfAnEarlierVersion_isQueuedAgain() throws Exception {
        Files.createDirectories(dataDir.resolve("queues"));
        Files.writeString(dataDir.resolve("queues/feedback.jsonl"), "{\"body\":\"{\\\"kind\\\":\\\"spooled\\\"}\",\"attributes\":{}}\n");
        try (LocalRuntime runtime = start()) {
            assertTrue(Files.notExists(dataDir.resolve("queues/feedback.jsonl")));
            eventually("the spooled message is queued", () -> runtime.queueDepth(runtime.queues().feedbackUrl()).total() == 1);
        }
    }
}
