package dev.touchpoint.reporting;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;
import java.util.Optional;

/**
 * reporting-api's settings, read once at start-up (docs/configuration.md). The API key and the survey
 * token key are not among them: either may be a Secrets Manager call.
 *
 * @param table aggregates, profiles and responses
 * @param apiKeyHashes SHA-256 hashes of further API keys, during a rotation
 */
public record ReportingApiSettings(String table, Optional<String> apiKeyHashes) {

    public static ReportingApiSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(new ReportingApiSettings(read.required(Setting.TABLE), read.optional(Setting.API_KEY_HASHES)));
    }
}
