package dev.touchpoint.dispatcher;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.invitation.DispatchSettings;
import dev.touchpoint.domain.invitation.QuietHours;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * survey-dispatcher's settings, read once at start-up (docs/configuration.md). The survey token key is
 * not among them: it may be a Secrets Manager call.
 *
 * @param table invitations, profiles, the daily cap and the funnel
 * @param dispatch what the use case needs: where survey links point ({@code TOUCHPOINT_PUBLIC_URL}), the
 *                 sender and reply domain, SES's configuration set, the SMS origination, the default
 *                 time zone (Europe/Istanbul), quiet hours (21:00-09:00), the daily cap (10000) and what
 *                 happens past it (defer, or drop)
 */
public record SurveyDispatcherSettings(String table, DispatchSettings dispatch) {

    static final String DEFAULT_SENDER = "survey@touchpoint.invalid";

    public static SurveyDispatcherSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        String sender = read.text(Setting.SENDER_EMAIL, DEFAULT_SENDER);
        DispatchSettings dispatch = new DispatchSettings(read.required(Setting.PUBLIC_URL), sender,
                read.text(Setting.REPLY_DOMAIN, sender.substring(sender.indexOf('@') + 1)),
                read.optional(Setting.SES_CONFIGURATION_SET).orElse(null), read.optional(Setting.SMS_ORIGINATION).orElse(null),
                read.parsed(Setting.DEFAULT_TIME_ZONE, zone -> ZoneId.of(zone.orElse("Europe/Istanbul")), ZoneId.of("Europe/Istanbul")),
                read.parsed(Setting.QUIET_HOURS, SurveyDispatcherSettings::quietHours, null),
                read.integer(Setting.DAILY_SEND_CAP, DispatchSettings.DEFAULT_DAILY_CAP, 0),
                read.parsed(Setting.DAILY_CAP_ACTION, SurveyDispatcherSettings::dropsPastTheCap, false));
        return read.checked(new SurveyDispatcherSettings(read.required(Setting.TABLE), dispatch));
    }

    /** {@code HH:MM-HH:MM}, in the customer's time zone. */
    private static QuietHours quietHours(Optional<String> configured) {
        String[] quiet = configured.orElse("21:00-09:00").split("-");
        if (quiet.length != 2) {
            throw new IllegalArgumentException("quiet hours are HH:MM-HH:MM, such as 21:00-09:00");
        }
        return new QuietHours(LocalTime.parse(quiet[0].trim()), LocalTime.parse(quiet[1].trim()));
    }

    private static boolean dropsPastTheCap(Optional<String> action) {
        return action.map(String::trim).map(value -> switch (value) {
            case "drop" -> true;
            case "defer" -> false;
            default -> throw new IllegalArgumentException("defer (the default) or drop");
        }).orElse(false);
    }
}
