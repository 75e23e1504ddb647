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
 * Graph API, SNS for AWS two-way SMS, or SES for email; its settings are {@link ReplyProviderSettings},
 * and Twilio's auth token and Meta's access token are read as secrets.
 * A provider without its configuration refuses the reply (reason {@code not-configured}); answers are recorded all the same.
 */
public final class ProviderReplySender implements ReplySender {

    private final Environment env;
    private final ReplyProviderSettings settings;
    private final Optional<TwilioReplySender> twilio;
    private final Optional<MetaReplySender> meta;
    private SnsSmsSender sms;
    private SesEmailSender email;

    public ProviderReplySender(Environment env) {
        this.env = env;
        this.settings = ReplyProviderSettings.from(env);
        this.twilio = settings.twilioAccountSid().flatMap(sid -> SecretSettings.read(env, Setting.TWILIO_AUTH_TOKEN)
                .map(token -> new TwilioReplySender(settings.twilioApiUrl(), sid, token, settings.twilioSmsFrom(),
                        settings.twilioWhatsappFrom(), settings.twilioStatusCallback())));
        this.meta = SecretSettings.read(env, Setting.META_ACCESS_TOKEN).map(token -> new MetaReplySender(
                settings.metaGraphUrl(), token, settings.metaPhoneNumberId()));
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
                    settings.smsOrigination().orElse(null), null)));
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
        return new OutgoingEmail(null, recipient, settings.senderEmail(), "reply@" + settings.replyDomain(),
                settings.replySubject(), null, text, Map.of(), settings.sesConfigurationSet().orElse(null), null);
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
