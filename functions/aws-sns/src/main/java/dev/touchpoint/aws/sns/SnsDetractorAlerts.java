package dev.touchpoint.aws.sns;

import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.wire.response.DetractorAlertJson;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * Detractor alerts on an SNS topic, as JSON (subscribe an email, a chat hook or a helpdesk), with the
 * channel and score as message attributes so subscriptions can filter.
 */
public final class SnsDetractorAlerts implements DetractorAlerts.Channel {

    private final SnsClient sns;
    private final String topicArn;

    public SnsDetractorAlerts(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    /**
     * A message to a topic beside {@code topicArn} that does not exist (the function's role may not
     * publish to it either): the publish path and SNS's error answer, loaded; nothing published. Here,
     * not in {@code Priming}, which every function loads: the jars without SNS could not link it.
     */
    public static void touch(SnsClient sns, String topicArn) {
        try {
            sns.publish(p -> p.topicArn(topicArn + "-priming-no-such-topic").message("priming"));
        } catch (SnsException expected) {
            // refused (no such topic, or not allowed): the point of the call
        }
    }

    @Override
    public void raise(DetractorAlerts.DetractorAlert alert) {
        String body = DetractorAlertJson.write(alert);
        sns.publish(p -> p.topicArn(topicArn).subject("Touchpoint: detractor " + alert.type() + " " + alert.score())
                .message(body).messageAttributes(Map.of(
                        "channel", MessageAttributeValue.builder().dataType("String").stringValue(alert.channel()).build(),
                        "score", MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(alert.score())).build())));
    }
}
