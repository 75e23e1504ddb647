package dev.touchpoint.dispatcher;

import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.domain.invitation.InvitationDispatcher;
import java.util.Map;

/** What one dispatcher run tells: a log line when it did anything, the Invitations metric by decision, and the function's answer. */
final class DispatchReport {

    private DispatchReport() {
    }

    static Map<String, Object> tell(InvitationDispatcher.Report report, EventLog log, EmfMetrics metrics) {
        if (report.sent() + report.deferred() + report.dropped() + report.skipped() > 0) {
            log.info("dispatch.ran", null, "sent " + report.sent() + ", deferred " + report.deferred()
                    + ", dropped " + report.dropped() + ", skipped " + report.skipped());
        }
        metrics.count(EmfMetrics.Name.INVITATIONS, Map.of("Decision", "sent"), report.sent());
        metrics.count(EmfMetrics.Name.INVITATIONS, Map.of("Decision", "deferred"), report.deferred());
        metrics.count(EmfMetrics.Name.INVITATIONS, Map.of("Decision", "skipped"), report.skipped());
        report.droppedBy().forEach((reason, count) ->
                metrics.count(EmfMetrics.Name.INVITATIONS, Map.of("Decision", "dropped:" + reason), count));
        return Map.of("sent", report.sent(), "deferred", report.deferred(), "dropped", report.dropped(),
                "skipped", report.skipped());
    }
}
