package dev.touchpoint.local.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Reads the spool files that versions before 2026-12-07 wrote at a clean stop (ElasticMQ kept its
 * queues in memory then; now it keeps them in the data directory itself, {@code EmbeddedSqs}), so that
 * an upgrade loses nothing: each line, {@code {"body": …, "attributes": {…}}}, is sent again.
 */
public final class QueueSpool {

    private QueueSpool() {
    }

    /** @return how many messages were queued again */
    public static int restore(SqsClient sqs, String queueUrl, Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                JsonNode saved = StrictJson.read(line);
                Map<String, MessageAttributeValue> attributes = new HashMap<>();
                saved.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(),
                        MessageAttributeValue.builder().dataType("String").stringValue(e.getValue().asText()).build()));
                sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(saved.path("body").asText()).messageAttributes(attributes));
            }
            Files.delete(file);
            return lines.size();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restore " + file, e);
        }
    }
}
