package dev.touchpoint.ingest.twilio;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.aws.wiring.InboundSettings;
import dev.touchpoint.contract.config.Setting;

/**
 * ingest-twilio's settings, read once at start-up (docs/configuration.md). Twilio's auth token is not
 * among them: it may be a Secrets Manager call.
 *
 * @param inbound the queue, the table and the phone region every inbound channel has
 * @param publicUrl the deployment's address, which Twilio signs the webhook's URL under
 */
public record TwilioWebhookSettings(InboundSettings inbound, String publicUrl) {

    public static TwilioWebhookSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(new TwilioWebhookSettings(InboundSettings.read(read, env), read.required(Setting.PUBLIC_URL)));
    }
}
