package dev.touchpoint.local.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.json.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Keeps queued messages across restarts of the local runtime. ElasticMQ holds its queues in memory,
 * so at a clean shutdown what is still queued is written to a file in the data directory and sent
 * again at the next start. A message is written before it is deleted from the queue: a crash in
 * between repeats a message (which the processor ignores) rather than loses one.
 */
public final class QueueSpool {

    private static final int TAKE_VISIBILITY_SECONDS = 300;

    private QueueSpool() {
    }

    /** @return how many messages were saved */
    public static int save(SqsClient sqs, String queueUrl, Path file) {
        int saved = 0;
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(TAKE_VISIBILITY_SECONDS).messageAttributeNames("All")).messages();
            if (messages.isEmpty()) {
                return saved;
            }
            append(file, messages);
            messages.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
            saved += messages.size();
        }
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

    private static void append(Path file, List<Message> messages) {
        StringBuilder lines = new StringBuilder();
        for (Message message : messages) {
            ObjectNode line = StrictJson.object().put("body", message.body());
            ObjectNode attributes = line.putObject("attributes");
            message.messageAttributes().forEach((name, value) -> {
                if (value.stringValue() != null) {
                    attributes.put(name, value.stringValue());
                }
            });
            lines.append(StrictJson.write(line)).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save queued messages to " + file, e);
        }
    }
}
