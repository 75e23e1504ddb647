package dev.touchpoint.processor.replies;

import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.domain.conversation.SendOutcome;
import java.util.Map;

/**
 * Counts each reply by provider: {@code RepliesSent} when the provider took it, {@code RepliesFailed}
 * with {@code Outcome} {@code refused} (for good, on the thread) or {@code retried} (thrown: the message
 * comes back).
 */
public record MeteredReplySender(ReplySender sender, EmfMetrics metrics) implements ReplySender {

    @Override
    public SendOutcome reply(String channel, String provider, String recipient, String text) {
        SendOutcome outcome;
        try {
            outcome = sender.reply(channel, provider, recipient, text);
        } catch (RuntimeException failed) {
            metrics.count(EmfMetrics.Name.REPLIES_FAILED, Map.of("Provider", provider, "Outcome", "retried"));
            throw failed;
        }
        if (outcome instanceof SendOutcome.Refused) {
            metrics.count(EmfMetrics.Name.REPLIES_FAILED, Map.of("Provider", provider, "Outcome", "refused"));
        } else {
            metrics.count(EmfMetrics.Name.REPLIES_SENT, Map.of("Provider", provider));
        }
        return outcome;
    }
}
