package dev.touchpoint.processor.replies;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.sns.SnsSmsSender;
import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.domain.invitation.OutgoingSms;
import java.util.Optional;

/**
 * Replies in AWS, through the provider the customer wrote through: Twilio's Messages API, Meta's
 * Graph API, or SNS for AWS two-way SMS. Configuration: {@code TOUCHPOINT_TWILIO_ACCOUNT_SID},
 * {@code TOUCHPOINT_TWILIO_AUTH_TOKEN}, {@code TOUCHPOINT_TWILIO_SMS_FROM}, {@code TOUCHPOINT_TWILIO_WHATSAPP_FROM};
 * {@code TOUCHPOINT_META_ACCESS_TOKEN}, {@code TOUCHPOINT_META_PHONE_NUMBER_ID}; {@code TOUCHPOINT_SMS_ORIGINATION}.
 * A provider without its configuration gets no reply, and the log says why; answers are recorded all the same.
 */
public final class ProviderReplySender implements ReplySender {

    private final Environment env;
    private final Optional<TwilioReplySender> twilio;
    private final Optional<MetaReplySender> meta;
    private SnsSmsSender sms;

    public ProviderReplySender(Environment env) {
        this.env = env;
        this.twilio = env.optional("TOUCHPOINT_TWILIO_ACCOUNT_SID").flatMap(sid -> SecretSettings.read(env, "TOUCHPOINT_TWILIO_AUTH_TOKEN")
                .map(token -> new TwilioReplySender(env.optional("TOUCHPOINT_TWILIO_API_URL").orElse("https://api.twilio.com"), sid,
                        token, env.optional("TOUCHPOINT_TWILIO_SMS_FROM").orElse(""),
                        env.optional("TOUCHPOINT_TWILIO_WHATSAPP_FROM").orElse(""))));
        this.meta = SecretSettings.read(env, "TOUCHPOINT_META_ACCESS_TOKEN").map(token -> new MetaReplySender(
                env.optional("TOUCHPOINT_META_GRAPH_URL").orElse("https://graph.facebook.com/v21.0"), token,
                env.optional("TOUCHPOINT_META_PHONE_NUMBER_ID").orElse("")));
    }

    @Override
    public void reply(String channel, String provider, String recipient, String text) {
        switch (provider) {
            case "twilio" -> twilio.ifPresentOrElse(t -> t.send(channel, recipient, text), () -> notConfigured(provider));
            case "meta" -> meta.ifPresentOrElse(m -> m.send(channel, recipient, text), () -> notConfigured(provider));
            case "aws-sms" -> sms().send(new OutgoingSms(null, recipient, text, env.optional("TOUCHPOINT_SMS_ORIGINATION").orElse(null), null));
            default -> notConfigured(provider);
        }
    }

    private static void notConfigured(String provider) {
        System.out.println("processor: no reply sender configured for " + provider + "; reply not sent");
    }

    private synchronized SnsSmsSender sms() {
        if (sms == null) {
            sms = new SnsSmsSender(AwsClients.sns(env));
        }
        return sms;
    }
}
