package dev.touchpoint.processor;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.SettingsReader;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.webhook.WebhookEndpoint;
import java.util.List;
import java.util.Optional;

/**
 * The processor's settings, read once at start-up (docs/configuration.md). The survey token key is not
 * among them (it may be a Secrets Manager call), nor are the reply providers' (the reply sender reads
 * its own).
 *
 * @param table the table
 * @param dlqUrl where a message goes, with its reason, on its last receive
 * @param maxReceiveCount the queue's maxReceiveCount (5): the receive that parks a message
 * @param queueUrl the feedback queue, when given: its client's first call is made ahead
 * @param closedLoopQueueUrl where detractor alerts and webhook deliveries wait; without it neither is raised
 * @param webhookEndpoints the endpoints each response is announced to, one delivery each
 * @param phoneRegion the region of national phone numbers (TR)
 */
public record ProcessorSettings(String table, String dlqUrl, int maxReceiveCount, Optional<String> queueUrl,
                                Optional<String> closedLoopQueueUrl, List<WebhookEndpoint> webhookEndpoints, String phoneRegion) {

    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

    public static ProcessorSettings from(Environment env) {
        SettingsReader read = SettingsReader.of(env);
        return read.checked(new ProcessorSettings(read.required(Setting.TABLE), read.required(Setting.DLQ_URL),
                read.integer(Setting.MAX_RECEIVE_COUNT, DEFAULT_MAX_RECEIVE_COUNT, 1), read.optional(Setting.QUEUE_URL),
                read.optional(Setting.CLOSED_LOOP_QUEUE_URL), read.parsed(Setting.WEBHOOK_URLS, WebhookEndpoint::parse, List.of()),
                env.defaultPhoneRegion()));
    }
}
