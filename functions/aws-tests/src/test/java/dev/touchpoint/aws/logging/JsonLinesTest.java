package dev.touchpoint.aws.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.logging.EventLog.Level;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    private final List<String> lines = new ArrayList<>();
    private final EventLog log = new JsonLines("processor", "req-1", Level.INFO, lines::add,
            Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void anEvent_isOneJsonLine_withEveryField() {
        log.error("message.parked", "resp-42", "sent to the DLQ after 5 receives: \"quoted\"\nsecond line");
        assertEquals(1, lines.size());
        assertEquals(false, lines.get(0).contains("\n"), "one line, whatever the message holds");
        JsonNode line = StrictJson.read(lines.get(0));
        assertEquals("2026-12-07T10:00:00Z", line.get("timestamp").asText());
        assertEquals("ERROR", line.get("level").asText());
        assertEquals("processor", line.get("function").asText());
        assertEquals("req-1", line.get("requestId").asText());
        assertEquals("resp-42", line.get("correlationId").asText());
        assertEquals("message.parked", line.get("event").asText());
        assertEquals("sent to the DLQ after 5 receives: \"quoted\"\nsecond line", line.get("message").asText());
    }

    @Test
    void linesBelowTheLeastLevel_areNotWritten() {
        log.debug("message.handled", "resp-1", "handled");
        log.info("dispatch.ran", null, "sent 1");
        assertEquals(1, lines.size());
        assertEquals("INFO", StrictJson.read(lines.get(0)).get("level").asText());
    }

    @Test
    void theLeastLevel_isLambdasElseOursElseInfo() {
        assertEquals(Level.DEBUG, JsonLines.leastLevel(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG", Setting.LOG_LEVEL.variable(), "ERROR")));
        assertEquals(Level.WARN, JsonLines.leastLevel(Map.of(Setting.LOG_LEVEL.variable(), "warn")));
        assertEquals(Level.DEBUG, JsonLines.leastLevel(Map.of("AWS_LAMBDA_LOG_LEVEL", "TRACE")));
        assertEquals(Level.INFO, JsonLines.leastLevel(Map.of()));
    }
}
