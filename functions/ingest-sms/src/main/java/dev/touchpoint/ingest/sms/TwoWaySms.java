package dev.touchpoint.ingest.sms;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.conversation.WebhookEventCounter;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reads two-way SMS notifications ({@code originationNumber}, {@code destinationNumber},
 * {@code messageKeyword}, {@code messageBody}, {@code inboundMessageId}) and queues each as an inbound
 * SMS, keyed by its inbound message id. A record that is not such a notification is counted and
 * acknowledged; a queue failure is thrown so that Lambda retries the SNS delivery.
 */
public final class TwoWaySms {

    private final IdentityNormalizer normalizer;
    private final FeedbackQueue queue;
    private final WebhookEventCounter counter;
    private final Clock clock;

    public TwoWaySms(IdentityNormalizer normalizer, FeedbackQueue queue, WebhookEventCounter counter, Clock clock) {
        this.normalizer = normalizer;
        this.queue = queue;
        this.counter = counter;
        this.clock = clock;
    }

    public int handle(SNSEvent event, EventLog log) {
        int queued = 0;
        List<SNSEvent.SNSRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (SNSEvent.SNSRecord record : records) {
            Optional<InboundMessage> message = read(record.getSNS() == null ? null : record.getSNS().getMessage())
                    .filter(InboundMessage::isStorable);
            if (message.isEmpty()) {
                counter.count(ReplyProvider.AWS_SMS.wireName(), "unreadable", clock.instant());
                log.warn("record.unknown", null, "acknowledged a record that is no two-way SMS notification");
                continue;
            }
            queue.enqueue(new InboundMessageEvent(message.get()));
            queued++;
        }
        return queued;
    }

    private Optional<InboundMessage> read(String body) {
        if (body == null) {
            return Optional.empty();
        }
        JsonNode sms;
        try {
            sms = StrictJson.read(body);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        String id = sms.path("inboundMessageId").asText("");
        return normalizer.phone(sms.path("originationNumber").asText("")).filter(phone -> !id.isEmpty())
                .map(phone -> new InboundMessage("sms", ReplyProvider.AWS_SMS.wireName(), id, Customer.verifiedBy(ReplyProvider.AWS_SMS.wireName(), List.of(phone), null),
                        sms.path("messageBody").asText(""), null, null, clock.instant()));
    }
}
