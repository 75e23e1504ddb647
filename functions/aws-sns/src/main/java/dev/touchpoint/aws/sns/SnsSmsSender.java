package dev.touchpoint.aws.sns;

import dev.touchpoint.domain.invitation.OutgoingSms;
import dev.touchpoint.domain.invitation.SmsSender;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Survey SMS through SNS {@code Publish} to a phone number, as transactional messages (higher
 * delivery priority than promotional), from the configured origination number or sender id.
 */
public final class SnsSmsSender implements SmsSender {

    private final SnsClient sns;

    public SnsSmsSender(SnsClient sns) {
        this.sns = sns;
    }

    @Override
    public String send(OutgoingSms sms) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("AWS.SNS.SMS.SMSType", text("Transactional"));
        String origin = sms.originationIdentity();
        if (origin != null && !origin.isBlank()) {
            attributes.put(origin.startsWith("+") ? "AWS.MM.SMS.OriginationNumber" : "AWS.SNS.SMS.SenderID", text(origin));
        }
        return sns.publish(p -> p.phoneNumber(sms.to()).message(sms.body()).messageAttributes(attributes)).messageId();
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
