package dev.touchpoint.infra;

import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
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
 * function error, any throttle. Each alarm fires on the first occurrence: feedback is a customer's
 * voice, and one lost message is one too many.
 */
public final class OperationsAlarms extends Construct {

    private final Topic topic;
    private final SnsAction notify;

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

    private static MetricOptions sum() {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build();
    }

    private void alarm(String id, Metric metric, String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription(description)
                .build();
        alarm.addAlarmAction(notify);
    }

    public Topic topic() {
        return topic;
    }
}
