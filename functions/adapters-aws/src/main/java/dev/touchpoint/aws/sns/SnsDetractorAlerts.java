package dev.touchpoint.aws.sns;

import dev.touchpoint.domain.profile.DetractorAlerts;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

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

    @Override
    public void raise(DetractorAlerts.DetractorAlert alert) {
        String body = alert.toJson();
        sns.publish(p -> p.topicArn(topicArn).subject("Touchpoint: detractor " + alert.type() + " " + alert.score())
                .message(body).messageAttributes(Map.of(
                        "channel", MessageAttributeValue.builder().dataType("String").stringValue(alert.channel()).build(),
                        "score", MessageAttributeValue.builder().dataType("Number").stringValue(Integer.toString(alert.score())).build())));
    }
}
