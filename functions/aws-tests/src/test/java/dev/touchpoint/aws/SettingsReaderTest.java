package dev.touchpoint.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.contract.config.Setting;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A function's settings read at once: what an on-call engineer reads in the start-up error of a misconfigured deploy. */
class SettingsReaderTest {

    @Test
    void everyProblem_isNamedInOneError() {
        SettingsReader read = SettingsReader.of(Environment.of(Map.of(Setting.WEBHOOK_MAX_ATTEMPTS.variable(), "eight",
                Setting.WEBHOOK_BACKOFF_SECONDS.variable(), "0")));
        read.required(Setting.TABLE);
        read.integer(Setting.WEBHOOK_MAX_ATTEMPTS, 8, 1);
        read.seconds(Setting.WEBHOOK_BACKOFF_SECONDS, 30, 1);
        read.required(Setting.CLOSED_LOOP_DLQ_URL);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> read.checked("settings"));

        assertEquals("configuration: " + Setting.TABLE + " is not set; " + Setting.WEBHOOK_MAX_ATTEMPTS
                + " must be a whole number from 1, not 'eight'; " + Setting.WEBHOOK_BACKOFF_SECONDS
                + " must be a whole number from 1, not '0'; " + Setting.CLOSED_LOOP_DLQ_URL + " is not set", error.getMessage());
    }

    @Test
    void unsetSettings_takeTheirDefaults_andAParsersRefusal_namesTheVariable() {
        SettingsReader read = SettingsReader.of(Environment.of(Map.of(Setting.TABLE.variable(), " touchpoint ",
                Setting.DEFAULT_TIME_ZONE.variable(), "Europe/Nowhere")));
        assertEquals("touchpoint", read.required(Setting.TABLE));
        assertEquals(Optional.empty(), read.optional(Setting.ALERTS_TOPIC_ARN));
        assertEquals(Duration.ofSeconds(30), read.seconds(Setting.WEBHOOK_BACKOFF_SECONDS, 30, 1));
        assertEquals("survey@touchpoint.invalid", read.text(Setting.SENDER_EMAIL, "survey@touchpoint.invalid"));
        assertEquals("UTC", read.parsed(Setting.DEFAULT_TIME_ZONE, zone -> ZoneId.of(zone.orElseThrow()).getId(), "UTC"));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> read.checked("settings"));

        assertEquals("configuration: " + Setting.DEFAULT_TIME_ZONE + ": Unknown time-zone ID: Europe/Nowhere", error.getMessage());
    }
}
