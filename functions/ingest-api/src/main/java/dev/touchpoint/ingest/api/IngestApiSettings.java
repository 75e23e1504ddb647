package dev.touchpoint.ingest.api;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;
import java.util.Optional;

/**
 * ingest-api's settings, read once at start-up (docs/configuration.md). The API key and the survey
 * token key are not among them: either may be a Secrets Manager call.
 *
 * @param table where profiles live, and the widget's rate limits
 * @param queueUrl where feedback, service events and a team member's replies go (required in AWS; the
 *                 bench hands the wiring a queue of its own)
 * @param apiKeyHashes SHA-256 hashes of further API keys, during a rotation
 * @param publishableKeys the widget's keys and the origins each may be used from
 * @param widgetRateLimit widget submissions a minute per key and visitor (20)
 * @param phoneRegion the region of national phone numbers (TR)
 */
public record IngestApiSettings(String table, Optional<String> queueUrl, Optional<String> apiKeyHashes,
                                Optional<String> publishableKeys, int widgetRateLimit, String phoneRegion) {

    public static final int DEFAULT_WIDGET_RATE_LIMIT = 20;

    public static IngestApiSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(new IngestApiSettings(read.required(Setting.TABLE), read.optional(Setting.QUEUE_URL),
                read.optional(Setting.API_KEY_HASHES), read.optional(Setting.PUBLISHABLE_KEYS),
                read.integer(Setting.WIDGET_RATE_LIMIT, DEFAULT_WIDGET_RATE_LIMIT, 1), env.defaultPhoneRegion()));
    }

    /** The queue, where the deployment must have one. */
    String requiredQueueUrl() {
        return queueUrl.orElseThrow(() -> new IllegalStateException("configuration: " + Setting.QUEUE_URL + " is not set"));
    }
}
