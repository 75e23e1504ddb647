package dev.touchpoint.delivery;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;

/**
 * delivery-events' settings, read once at start-up (docs/configuration.md).
 *
 * @param table invitations, profiles and the delivery ledger
 * @param phoneRegion the region of national phone numbers in SMS reports (TR)
 */
public record DeliveryEventsSettings(String table, String phoneRegion) {

    public static DeliveryEventsSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(new DeliveryEventsSettings(read.required(Setting.TABLE), env.defaultPhoneRegion()));
    }
}
