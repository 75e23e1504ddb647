package dev.touchpoint.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.invitation.DispatchSettings;
import dev.touchpoint.domain.invitation.QuietHours;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What survey-dispatcher sends by, read from its variables with the defaults docs/configuration.md names. */
class SurveyDispatcherSettingsTest {

    private final Map<String, String> env = new HashMap<>(Map.of(Setting.TABLE.variable(), "touchpoint",
            Setting.PUBLIC_URL.variable(), "https://feedback.example.com"));

    @Test
    void unsetSettings_takeTheDocumentedDefaults() {
        DispatchSettings dispatch = SurveyDispatcherSettings.from(Environment.of(env)).dispatch();
        assertEquals("survey@touchpoint.invalid", dispatch.senderEmail());
        assertEquals("touchpoint.invalid", dispatch.replyDomain(), "the sender's domain");
        assertEquals(ZoneId.of("Europe/Istanbul"), dispatch.defaultTimeZone());
        assertEquals(new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0)), dispatch.quietHours());
        assertEquals(DispatchSettings.DEFAULT_DAILY_CAP, dispatch.dailyCap());
        assertFalse(dispatch.dropAtDailyCap(), "defer past the cap");
    }

    @Test
    void aDeploymentsOwnValues_areTaken() {
        env.putAll(Map.of(Setting.SENDER_EMAIL.variable(), "anket@magaza.com.tr", Setting.QUIET_HOURS.variable(), "22:30-08:00",
                Setting.DAILY_CAP_ACTION.variable(), "drop", Setting.DAILY_SEND_CAP.variable(), "500"));
        DispatchSettings dispatch = SurveyDispatcherSettings.from(Environment.of(env)).dispatch();
        assertEquals("magaza.com.tr", dispatch.replyDomain());
        assertEquals(new QuietHours(LocalTime.of(22, 30), LocalTime.of(8, 0)), dispatch.quietHours());
        assertEquals(500, dispatch.dailyCap());
        assertTrue(dispatch.dropAtDailyCap());
    }

    @Test
    void everyMistake_isNamedAtOnce() {
        env.remove(Setting.PUBLIC_URL.variable());
        env.putAll(Map.of(Setting.QUIET_HOURS.variable(), "9pm", Setting.DAILY_CAP_ACTION.variable(), "skip"));
        String message = assertThrows(IllegalStateException.class, () -> SurveyDispatcherSettings.from(Environment.of(env))).getMessage();
        assertEquals("configuration: " + Setting.PUBLIC_URL + " is not set; " + Setting.QUIET_HOURS
                + ": quiet hours are HH:MM-HH:MM, such as 21:00-09:00; " + Setting.DAILY_CAP_ACTION + ": defer (the default) or drop", message);
    }
}
