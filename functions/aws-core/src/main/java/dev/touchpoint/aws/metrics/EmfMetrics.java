package dev.touchpoint.aws.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Business metrics as CloudWatch Embedded Metric Format lines, written to the documented specification
 * by hand: one JSON line per count on standard output, which CloudWatch Logs turns into a metric of
 * the namespace {@code TOUCHPOINT_METRICS_NAMESPACE} (the CDK app sets {@code Touchpoint/<stage>}), with
 * its dimensions and the function's name. awslabs' aws-embedded-metrics library does the same for
 * about 235 ms on its first use; these lines cost about 9 ms (docs/performance.md).
 *
 * <p>Written in Lambda, or wherever {@code TOUCHPOINT_METRICS=emf} asks for them (a local run that
 * wants to see them); elsewhere counts go nowhere.
 */
public final class EmfMetrics {

    /** What the project counts: each name once, its unit a count. */
    public enum Name {
        /** A response recorded, by {@code Channel}. */
        RESPONSES("Responses"),
        /** Invitations the dispatcher handled, by {@code Decision} (sent, deferred, dropped:reason, skipped). */
        INVITATIONS("Invitations"),
        /** Replies a provider took, by {@code Provider}. */
        REPLIES_SENT("RepliesSent"),
        /** Replies a provider refused for good or that failed and will be retried, by {@code Provider} and {@code Outcome}. */
        REPLIES_FAILED("RepliesFailed"),
        /** Outgoing webhook deliveries, by {@code Outcome}. */
        WEBHOOK_DELIVERIES("WebhookDeliveries"),
        /** Outgoing webhook deliveries that did not reach their endpoint. */
        WEBHOOK_FAILURES("WebhookFailures"),
        /** Messages parked in a dead-letter queue, by {@code Queue}. */
        MESSAGES_PARKED("MessagesParked"),
        /** Provider events acknowledged but not readable, by {@code Provider}. */
        UNREADABLE_PROVIDER_EVENTS("UnreadableProviderEvents"),
        /** Service events the processor handled, by {@code Outcome}: scheduled, already-scheduled, no-survey, too-old. */
        INTERACTIONS("Interactions"),
        /** Team members' replies the processor handled, by {@code Outcome}: sent, refused, repeated, profile-gone, not-reachable. */
        TEAM_REPLIES("TeamReplies"),
        /** Providers' delivery reports of our messages, by {@code Outcome}: updated, stale, unknown-message. */
        DELIVERY_STATUSES("DeliveryStatuses");

        private final String metric;

        Name(String metric) {
            this.metric = metric;
        }

        public String metric() {
            return metric;
        }
    }

    /** Counts nothing: tests and tools. */
    public static final EmfMetrics NONE = new EmfMetrics("Touchpoint", "none", line -> { }, Clock.systemUTC(), false);

    private final String namespace;
    private final String function;
    private final Consumer<String> out;
    private final Clock clock;
    private final boolean enabled;

    EmfMetrics(String namespace, String function, Consumer<String> out, Clock clock, boolean enabled) {
        this.namespace = namespace;
        this.function = function;
        this.out = out;
        this.clock = clock;
        this.enabled = enabled;
    }

    public static EmfMetrics from(Environment env, String function) {
        boolean enabled = env.optional("AWS_LAMBDA_FUNCTION_NAME").isPresent()
                || env.optional(Setting.METRICS).map("emf"::equalsIgnoreCase).orElse(false);
        PrintStream stdout = System.out;
        return new EmfMetrics(env.optional(Setting.METRICS_NAMESPACE).orElse("Touchpoint"),
                env.optional("AWS_LAMBDA_FUNCTION_NAME").orElse(function), line -> stdout.println(line), Clock.systemUTC(), enabled);
    }

    /** Formats one EMF line and drops it: a prime's way to load the path before a snapshot, counting nothing. */
    public static void prime() {
        new EmfMetrics("Touchpoint", "priming", line -> { }, Clock.systemUTC(), true)
                .count(Name.RESPONSES, Map.of("Channel", "priming"));
    }

    public void count(Name name, Map<String, String> dimensions) {
        count(name, dimensions, 1);
    }

    /** One EMF line: {@code _aws} metadata naming the metric and its dimension set, then the values. */
    public void count(Name name, Map<String, String> dimensions, long value) {
        if (!enabled || value == 0) {
            return;
        }
        Map<String, String> sorted = new TreeMap<>(dimensions);
        ObjectNode line = StrictJson.object();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        // Two dimension sets: the metric by its dimensions (for graphs), and the metric alone (for alarms,
        // which cannot sum a search across dimension values).
        ArrayNode dimensionSets = directive.putArray("Dimensions");
        ArrayNode byDimensions = dimensionSets.addArray();
        sorted.keySet().forEach(byDimensions::add);
        if (!sorted.isEmpty()) {
            dimensionSets.addArray();
        }
        directive.putArray("Metrics").addObject().put("Name", name.metric()).put("Unit", "Count");
        sorted.forEach(line::put);
        line.put("function", function);
        line.put(name.metric(), value);
        out.accept(StrictJson.write(line));
    }
}
