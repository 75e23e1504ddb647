package dev.touchpoint.aws.wiring;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;

/**
 * The settings every inbound channel function (Twilio, Meta, two-way SMS, email replies) has, read once
 * at start-up (docs/configuration.md); a function with more holds these in its own record.
 *
 * @param queueUrl the feedback queue its messages go to
 * @param table where its provider events are counted
 * @param phoneRegion the region of national phone numbers (TR)
 */
public record InboundSettings(String queueUrl, String table, String phoneRegion) {

    public static InboundSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(read(read, env));
    }

    /** Read with a function's own settings, so that their problems are named together. */
    public static InboundSettings read(SettingsReader read, Environment env) {
        return new InboundSettings(read.required(Setting.QUEUE_URL), read.required(Setting.TABLE), env.defaultPhoneRegion());
    }
}
