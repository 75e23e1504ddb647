package dev.touchpoint.survey.web;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;

/**
 * survey-web's settings, read once at start-up (docs/configuration.md). The survey token key is not
 * among them: it may be a Secrets Manager call.
 *
 * @param table invitations, profiles and the rate limits
 * @param queueUrl where answers go
 * @param publicUrl the address QR codes point to
 * @param touchpointRateLimit kiosk and QR answers a minute per touchpoint (60)
 * @param deviceRateLimit the same per client address at a touchpoint (10)
 */
public record SurveyWebSettings(String table, String queueUrl, String publicUrl, int touchpointRateLimit, int deviceRateLimit) {

    public static SurveyWebSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(new SurveyWebSettings(read.required(Setting.TABLE), read.required(Setting.QUEUE_URL),
                read.required(Setting.PUBLIC_URL),
                read.integer(Setting.TOUCHPOINT_RATE_LIMIT, TouchpointSurveyRoute.Limits.DEFAULT.perTouchpoint(), 1),
                read.integer(Setting.DEVICE_RATE_LIMIT, TouchpointSurveyRoute.Limits.DEFAULT.perDevice(), 1)));
    }
}
