package dev.touchpoint.delivery;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.delivery.reports.SesDeliveryReports;
import dev.touchpoint.delivery.reports.SmsDeliveryReports;
import dev.touchpoint.domain.delivery.DeliveryEvent;
import dev.touchpoint.domain.delivery.DeliveryTracker;
import dev.touchpoint.wire.json.StrictJson;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads each SNS record as an SES event or an SMS event and hands it to the tracker. A record of
 * another kind is counted as unknown and acknowledged; a failure of ours is thrown, so Lambda retries
 * the invocation and, after its retries, sends it to the function's failure destination.
 */
public final class DeliveryReportProcessor {

    private final DeliveryTracker tracker;

    public DeliveryReportProcessor(DeliveryTracker tracker) {
        this.tracker = tracker;
    }

    public Map<String, Integer> process(SNSEvent event, EventLog log) {
        Map<DeliveryTracker.Outcome, Integer> outcomes = new EnumMap<>(DeliveryTracker.Outcome.class);
        int unknown = 0;
        List<SNSEvent.SNSRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SNSEvent.SNSRecord record : records) {
            Optional<DeliveryEvent> report = read(record.getSNS() == null ? null : record.getSNS().getMessage());
            if (report.isEmpty()) {
                unknown++;
                continue;
            }
            outcomes.merge(tracker.track(report.get()), 1, Integer::sum);
        }
        if (unknown > 0) {
            log.warn("record.unknown", null, unknown + " record(s) of an unknown kind acknowledged");
        }
        Map<String, Integer> summary = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> summary.put(outcome.name().toLowerCase(Locale.ROOT), count));
        summary.put("unknown", unknown);
        return summary;
    }

    private static Optional<DeliveryEvent> read(String message) {
        if (message == null) {
            return Optional.empty();
        }
        JsonNode record;
        try {
            record = StrictJson.read(message);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        return SesDeliveryReports.read(record).or(() -> SmsDeliveryReports.read(record));
    }
}
