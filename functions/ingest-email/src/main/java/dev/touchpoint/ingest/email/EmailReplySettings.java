package dev.touchpoint.ingest.email;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.aws.wiring.InboundSettings;
import dev.touchpoint.contract.config.Setting;

/**
 * ingest-email's settings, read once at start-up (docs/configuration.md).
 *
 * @param inbound the queue, the table and the phone region every inbound channel has
 * @param mailBucket where SES's S3 action stores the messages
 * @param mailPrefix the key prefix it stores them under ("" unless set)
 */
public record EmailReplySettings(InboundSettings inbound, String mailBucket, String mailPrefix) {

    public static EmailReplySettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(new EmailReplySettings(InboundSettings.read(read, env), read.required(Setting.INBOUND_MAIL_BUCKET),
                read.text(Setting.INBOUND_MAIL_PREFIX, "")));
    }
}
