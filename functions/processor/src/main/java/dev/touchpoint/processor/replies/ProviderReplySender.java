package dev.touchpoint.processor.replies;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.ses.SesClients;
import dev.touchpoint.aws.ses.SesEmailSender;
import dev.touchpoint.aws.sns.SnsClients;
import dev.touchpoint.aws.sns.SnsSmsSender;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.domain.invitation.OutgoingEmail;
import dev.touchpoint.domain.invitation.OutgoingSms;
import dev.touchpoint.http.replies.MetaReplySender;
import dev.touchpoint.http.replies.TwilioReplySender;
import java.util.Map;
import java.util.Optional;

/**
 * Replies in AWS, through the provider the customer wrote through: Twilio's Messages API, Meta's
 * Graph API, or SNS for AWS two-way SMS. Configuration: {@code TOUCHPOINT_TWILIO_ACCOUNT_SID},
 * {@code TOUCHPOINT_TWILIO_AUTH_TOKEN}, {@code TOUCHPOINT_TWILIO_SMS_FROM}, {@code TOUCHPOINT_TWILIO_WHATSAPP_FROM};
 * {@code TOUCHPOINT_META_ACCESS_TOKEN}, {@code TOUCHPOINT_META_PHONE_NUMBER_ID}; {@code TOUCHPOINT_SMS_ORIGINATION};
 * email through SES from {@code TOUCHPOINT_SENDER_EMAIL}, answerable at {@code TOUCHPOINT_REPLY_DOMAIN},
 * with {@code TOUCHPOINT_REPLY_SUBJECT} and {@code TOUCHPOINT_SES_CONFIGURATION_SET}.
 * A provider without its configuration refuses the reply (reason {@code not-configured}); answers are recorded all the same.
 */
public final class ProviderReplySender implements ReplySender {

    static final String DEFAULT_SUBJECT = "Re: your feedback / Geri bildiriminiz";

    private final Environment env;
    private final Optional<TwilioReplySender> twilio;
    private final Optional<MetaReplySender> meta;
    private SnsSmsSender sms;
    private SesEmailSender email;

    public ProviderReplySender(Environment env) {
        this.env = env;
        this.twilio = env.optional(Setting.TWILIO_ACCOUNT_SID).flatMap(sid -> SecretSettings.read(env, Setting.TWILIO_AUTH_TOKEN)
                .map(token -> new TwilioReplySender(env.optional(Setting.TWILIO_API_URL).orElse("https://api.twilio.com"), sid,
                        token, env.optional(Setting.TWILIO_SMS_FROM).orElse(""),
                        env.optional(Setting.TWILIO_WHATSAPP_FROM).orElse(""),
                        env.optional(Setting.PUBLIC_URL).map(url -> url.replaceFirst("/+$", "") + "/webhooks/twilio").orElse(""))));
        this.meta = SecretSettings.read(env, Setting.META_ACCESS_TOKEN).map(token -> new MetaReplySender(
                env.optional(Setting.META_GRAPH_URL).orElse("https://graph.facebook.com/v21.0"), token,
                env.optional(Setting.META_PHONE_NUMBER_ID).orElse("")));
    }

    @Override
    public SendOutcome reply(String channel, String provider, String recipient, String text) {
        Optional<ReplyProvider> known = ReplyProvider.fromWireName(provider);
        if (known.isEmpty()) {
            return notConfigured(provider);
        }
        return switch (known.get()) {
            case TWILIO -> twilio.map(t -> t.send(channel, recipient, text)).orElseGet(() -> notConfigured(provider));
            case META -> meta.map(m -> m.send(channel, recipient, text)).orElseGet(() -> notConfigured(provider));
            case AWS_SMS -> new SendOutcome.Sent(sms().send(new OutgoingSms(null, recipient, text,
                    env.optional(Setting.SMS_ORIGINATION).orElse(null), null)));
            case SES -> new SendOutcome.Sent(email().send(replyEmail(recipient, text)));
        };
    }

    /**
     * A refusal like a provider's own: the reply is recorded as failed with its reason (the thread shows
     * it, RepliesFailed counts it, the log line is the reply's), never sent, never retried.
     */
    private static SendOutcome notConfigured(String provider) {
        return new SendOutcome.Refused("not-configured", "no " + provider + " sender is configured", false);
    }

    /**
     * A plain-text email from our sender, answerable: its reply-to is on the reply domain, whose mail
     * comes back through ingest-email and joins the same thread.
     */
    private OutgoingEmail replyEmail(String recipient, String text) {
        String sender = env.optional(Setting.SENDER_EMAIL).orElse("survey@touchpoint.invalid");
        String replyDomain = env.optional(Setting.REPLY_DOMAIN).orElse(sender.substring(sender.indexOf('@') + 1));
        return new OutgoingEmail(null, recipient, sender, "reply@" + replyDomain,
                env.optional(Setting.REPLY_SUBJECT).orElse(DEFAULT_SUBJECT), null, text, Map.of(),
                env.optional(Setting.SES_CONFIGURATION_SET).orElse(null), null);
    }

    private synchronized SesEmailSender email() {
        if (email == null) {
            email = new SesEmailSender(SesClients.create(env));
        }
        return email;
    }

    private synchronized SnsSmsSender sms() {
        if (sms == null) {
            sms = new SnsSmsSender(SnsClients.create(env));
        }
        return sms;
    }
}
