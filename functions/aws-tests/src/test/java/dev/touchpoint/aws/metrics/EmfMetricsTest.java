package dev.touchpoint.aws.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Embedded Metric Format, as CloudWatch's specification describes a line it turns into metrics. */
class EmfMetricsTest {

    private final List<String> lines = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCount_isOneLine_thatDeclaresItsMetricAndDimensions_andCarriesTheirValues() {
        EmfMetrics metrics = new EmfMetrics("Touchpoint/dev", "processor", lines::add, clock, true);
        metrics.count(EmfMetrics.Name.REPLIES_FAILED, Map.of("Provider", "twilio", "Outcome", "refused"));
        assertEquals(1, lines.size());
        JsonNode line = StrictJson.read(lines.get(0));
        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals(Instant.parse("2026-12-07T10:00:00Z").toEpochMilli(), line.get("_aws").get("Timestamp").asLong());
        assertEquals("Touchpoint/dev", directive.get("Namespace").asText());
        assertEquals("[[\"Outcome\",\"Provider\"],[]]", directive.get("Dimensions").toString(), "by dimensions, and alone for alarms");
        assertEquals("[{\"Name\":\"RepliesFailed\",\"Unit\":\"Count\"}]", directive.get("Metrics").toString());
        // Every dimension and the metric are members of the root, as the specification requires.
        assertEquals("twilio", line.get("Provider").asText());
        assertEquals("refused", line.get("Outcome").asText());
        assertEquals(1, line.get("RepliesFailed").asLong());
        assertEquals("processor", line.get("function").asText());
    }

    @Test
    void nothingIsWritten_whenOff_orForAZeroCount() {
        new EmfMetrics("Touchpoint", "processor", lines::add, clock, false).count(EmfMetrics.Name.RESPONSES, Map.of("Channel", "sms"));
        new EmfMetrics("Touchpoint", "processor", lines::add, clock, true).count(EmfMetrics.Name.INVITATIONS, Map.of("Decision", "sent"), 0);
        assertEquals(List.of(), lines);
    }
}
