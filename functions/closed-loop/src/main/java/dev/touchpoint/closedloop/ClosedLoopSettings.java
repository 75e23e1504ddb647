package dev.touchpoint.closedloop;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.webhook.WebhookEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * closed-loop's settings, read once at start-up (docs/configuration.md). The webhook signing secret is
 * not among them: it may be a Secrets Manager call, made only when there are endpoints to sign for.
 *
 * @param table where the responses are read (needed only with endpoints)
 * @param alertsTopicArn the SNS topic detractor alerts go to; without it they are dropped, and the log says so
 * @param queueUrl the closed-loop queue, which a failed delivery is put back on for its backoff
 * @param dlqUrl where a delivery goes, with its reason, after its last attempt
 * @param maxAttempts attempts per delivery (8)
 * @param backoff the first retry's delay, doubled each time (30 s)
 * @param webhookEndpoints {@code name=https://…,…}
 */
public record ClosedLoopSettings(Optional<String> table, Optional<String> alertsTopicArn, String queueUrl, String dlqUrl,
                                 int maxAttempts, Duration backoff, List<WebhookEndpoint> webhookEndpoints) {

    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final int DEFAULT_BACKOFF_SECONDS = 30;

    public static ClosedLoopSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        List<WebhookEndpoint> endpoints = read.parsed(Setting.WEBHOOK_URLS, WebhookEndpoint::parse, List.of());
        return read.checked(new ClosedLoopSettings(endpoints.isEmpty() ? read.optional(Setting.TABLE)
                : Optional.ofNullable(read.required(Setting.TABLE)), read.optional(Setting.ALERTS_TOPIC_ARN),
                read.required(Setting.CLOSED_LOOP_QUEUE_URL), read.required(Setting.CLOSED_LOOP_DLQ_URL),
                read.integer(Setting.WEBHOOK_MAX_ATTEMPTS, DEFAULT_MAX_ATTEMPTS, 1),
                read.seconds(Setting.WEBHOOK_BACKOFF_SECONDS, DEFAULT_BACKOFF_SECONDS, 1), endpoints));
    }
}
