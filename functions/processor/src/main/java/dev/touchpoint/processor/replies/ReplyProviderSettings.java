package dev.touchpoint.processor.replies;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;
import java.util.Optional;

/**
 * The reply providers' settings, read once when the processor's reply sender is built
 * (docs/configuration.md). Twilio's auth token and Meta's access token are not among them: each may
 * be a Secrets Manager call. None is required: a provider without its settings refuses its replies.
 *
 * @param twilioAccountSid Twilio's account, with its API's address, and the numbers it sends SMS and WhatsApp from
 * @param twilioStatusCallback where Twilio reports a reply's delivery: the deployment's webhook
 * @param metaGraphUrl Meta's Graph API, and the WhatsApp number it sends from
 * @param smsOrigination the origination identity of SMS sent through SNS
 * @param senderEmail who mailed replies come from, answerable at {@code reply@<replyDomain>}
 * @param replySubject the mailed reply's subject
 * @param sesConfigurationSet SES's configuration set, for delivery events
 */
public record ReplyProviderSettings(Optional<String> twilioAccountSid, String twilioApiUrl, String twilioSmsFrom,
                                    String twilioWhatsappFrom, String twilioStatusCallback, String metaGraphUrl,
                                    String metaPhoneNumberId, Optional<String> smsOrigination, String senderEmail,
                                    String replyDomain, String replySubject, Optional<String> sesConfigurationSet) {

    static final String DEFAULT_SUBJECT = "Re: your feedback / Geri bildiriminiz";
    static final String DEFAULT_SENDER = "survey@touchpoint.invalid";

    public static ReplyProviderSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        String sender = read.text(Setting.SENDER_EMAIL, DEFAULT_SENDER);
        return read.checked(new ReplyProviderSettings(read.optional(Setting.TWILIO_ACCOUNT_SID),
                read.text(Setting.TWILIO_API_URL, "https://api.twilio.com"), read.text(Setting.TWILIO_SMS_FROM, ""),
                read.text(Setting.TWILIO_WHATSAPP_FROM, ""),
                read.optional(Setting.PUBLIC_URL).map(url -> url.replaceFirst("/+$", "") + "/webhooks/twilio").orElse(""),
                read.text(Setting.META_GRAPH_URL, "https://graph.facebook.com/v21.0"), read.text(Setting.META_PHONE_NUMBER_ID, ""),
                read.optional(Setting.SMS_ORIGINATION), sender, read.text(Setting.REPLY_DOMAIN, sender.substring(sender.indexOf('@') + 1)),
                read.text(Setting.REPLY_SUBJECT, DEFAULT_SUBJECT), read.optional(Setting.SES_CONFIGURATION_SET)));
    }
}
