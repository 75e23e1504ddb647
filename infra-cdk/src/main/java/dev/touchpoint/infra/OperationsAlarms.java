package dev.touchpoint.infra;

import dev.touchpoint.contract.config.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The operations topic (optionally emailed) and the alarms that page it: anything in a DLQ, any
 * function error, any throttle, the business metrics' failures; and the dashboard that shows them. Each alarm fires on the first occurrence: feedback is a customer's
 * voice, and one lost message is one too many.
 */
public final class OperationsAlarms extends Construct {

    private final Topic topic;
    private final SnsAction notify;
    private final List<IAlarm> alarms = new ArrayList<>();

    public OperationsAlarms(Construct scope, String id, Optional<String> alarmEmail) {
        super(scope, id);
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("Touchpoint operations")
                .enforceSsl(true)
                .build();
        alarmEmail.ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
        this.notify = new SnsAction(topic);
    }

    public void watchDeadLetters(String name, Queue deadLetters) {
        alarm(name + "NotEmpty", deadLetters.metricApproximateNumberOfMessagesVisible(
                MetricOptions.builder().period(Duration.minutes(1)).statistic("Maximum").build()),
                "Messages are waiting in the " + name + " dead-letter queue: read their failureReason and redrive");
    }

    public void watchFunction(TouchpointFunction function) {
        String name = function.getNode().getId();
        alarm(name + "Errors", function.function().metricErrors(sum()), name + " reported errors");
        alarm(name + "Throttles", function.function().metricThrottles(sum()), name + " was throttled");
    }

    /**
     * Alarms on the failure metrics among the business metrics the functions write as EMF lines
     * ({@code EmfMetrics}): anything parked in a DLQ at once; replies
     * that failed, webhook deliveries that did not arrive and provider events nobody could read when more
     * than {@value #FAILURES_PER_FIVE_MINUTES} in five minutes (one refused reply, an unsubscribed number, is
     * ordinary; a run of them is a broken credential or template).
     */
    public void watchBusinessMetrics(String namespace) {
        alarm("MessagesParked", business(namespace, "MessagesParked", Duration.minutes(1)), 0,
                "A message was parked in a dead-letter queue: read its failureReason and redrive");
        alarm("RepliesFailed", business(namespace, "RepliesFailed", Duration.minutes(5)), FAILURES_PER_FIVE_MINUTES,
                "Replies to customers are failing: check the provider's credentials, sender and templates");
        alarm("WebhookFailures", business(namespace, "WebhookFailures", Duration.minutes(5)), FAILURES_PER_FIVE_MINUTES,
                "Outgoing webhooks are not delivered: check the endpoints in " + Setting.WEBHOOK_URLS.variable());
        alarm("UnreadableProviderEvents", business(namespace, "UnreadableProviderEvents", Duration.minutes(5)),
                FAILURES_PER_FIVE_MINUTES, "Provider events nobody could read: a provider changed its payloads");
    }

    /** The operations dashboard: the business metrics, then the state of every alarm made so far (make it last). */
    public void addDashboard(String namespace) {
        Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(namespace.replaceAll("[^A-Za-z0-9_-]", "-"))
                .widgets(List.of(
                        List.of(graph(namespace, "Responses", "Channel"), graph(namespace, "Invitations", "Decision")),
                        List.of(graph(namespace, "RepliesSent", "Provider"), graph(namespace, "RepliesFailed", "Outcome,Provider")),
                        List.of(graph(namespace, "WebhookDeliveries", "Outcome"), graph(namespace, "UnreadableProviderEvents", "Kind,Provider")),
                        List.of(graph(namespace, "Interactions", "Outcome"), graph(namespace, "TeamReplies", "Outcome")),
                        List.of(graph(namespace, "DeliveryStatuses", "Outcome")),
                        List.of(AlarmStatusWidget.Builder.create().title("Alarms").alarms(List.copyOf(alarms)).width(24).build())))
                .build();
    }

    static final int FAILURES_PER_FIVE_MINUTES = 10;

    private static Metric business(String namespace, String name, Duration period) {
        return Metric.Builder.create().namespace(namespace).metricName(name).statistic("Sum").period(period).build();
    }

    /** Each value of the dimensions a line of its own, found by search: channels and providers come and go. */
    private static GraphWidget graph(String namespace, String name, String dimensions) {
        return GraphWidget.Builder.create().title(name).width(12)
                .left(List.of(MathExpression.Builder.create()
                        .expression("SEARCH('{" + namespace + "," + dimensions + "} MetricName=\"" + name + "\"', 'Sum', 300)")
                        .label("").period(Duration.minutes(5)).build()))
                .build();
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build();
    }

    private void alarm(String id, Metric metric, String description) {
        alarm(id, metric, 0, description);
    }

    private void alarm(String id, Metric metric, int threshold, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(notify);
        alarms.add(alarm);
    }

    public Topic topic() {
        return topic;
    }
}
