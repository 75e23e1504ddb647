package dev.touchpoint.ingest.email;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.domain.conversation.AutomaticMail;
import dev.touchpoint.domain.conversation.EmailReplies;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.MessageKind;
import dev.touchpoint.domain.conversation.RawEmailStore;
import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.conversation.WebhookEventCounter;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.Provenance;
import dev.touchpoint.wire.json.StrictJson;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For each received email: drop it (logged, counted) when SES's spam or virus verdict is FAIL; read
 * the raw message the S3 action stored; take the new text of the reply and the survey token of the
 * {@code reply+<token>@} address (or subject); queue it as an inbound email, marked automatic (an
 * out-of-office, a delivery report: never read, never answered) or an unsubscribe request (a mail to the
 * List-Unsubscribe address). The customer is the {@code From} address, verified when SES's SPF or DKIM
 * verdict passes; the envelope sender names no one.
 */
public final class EmailReplyIngest {

    private final RawEmailStore store;
    private final IdentityNormalizer normalizer;
    private final FeedbackQueue queue;
    private final WebhookEventCounter counter;
    private final Clock clock;

    public EmailReplyIngest(RawEmailStore store, IdentityNormalizer normalizer, FeedbackQueue queue, WebhookEventCounter counter,
                            Clock clock) {
        this.store = store;
        this.normalizer = normalizer;
        this.queue = queue;
        this.counter = counter;
        this.clock = clock;
    }

    /** The receipt-rule event as Lambda hands it over: the events library has no SES receipt type, so it is read as the JSON it is. */
    public int handle(byte[] event, EventLog log) {
        return handle(StrictJson.read(new String(event, StandardCharsets.UTF_8)), log);
    }

    /** @param event the SES receipt-rule event: {@code {"Records":[{"eventSource":"aws:ses","ses":{"mail":…,"receipt":…}}]}} */
    public int handle(JsonNode event, EventLog log) {
        int queued = 0;
        for (JsonNode record : event.path("Records")) {
            JsonNode ses = record.path("ses");
            String messageId = ses.path("mail").path("messageId").asText("");
            Optional<String> dropped = reasonToDrop(ses.path("receipt"));
            if (dropped.isPresent()) {
                counter.count(ReplyProvider.SES.wireName(), "dropped:" + dropped.get().replace(' ', '-'), clock.instant());
                log.warn("mail.dropped", "message:ses:" + messageId, "dropped: " + dropped.get());
                continue;
            }
            Optional<InboundMessage> message = read(ses).filter(InboundMessage::isStorable);
            if (message.isEmpty()) {
                counter.count(ReplyProvider.SES.wireName(), "unreadable", clock.instant());
                log.warn("mail.unreadable", "message:ses:" + messageId, "could not be read");
                continue;
            }
            queue.enqueue(new InboundMessageEvent(message.get()));
            queued++;
        }
        return queued;
    }

    private static Optional<String> reasonToDrop(JsonNode receipt) {
        if ("FAIL".equals(receipt.path("spamVerdict").path("status").asText())) {
            return Optional.of("spam verdict FAIL");
        }
        if ("FAIL".equals(receipt.path("virusVerdict").path("status").asText())) {
            return Optional.of("virus verdict FAIL");
        }
        return Optional.empty();
    }

    /**
     * The sender's address is vouched for only when SES found the mail's SPF or DKIM to pass and DMARC
     * not to fail; otherwise anybody could have written it, and it is a claim (docs/decisions.md).
     */
    private static boolean authenticated(JsonNode receipt) {
        boolean passed = "PASS".equals(receipt.path("spfVerdict").path("status").asText())
                || "PASS".equals(receipt.path("dkimVerdict").path("status").asText());
        return passed && !"FAIL".equals(receipt.path("dmarcVerdict").path("status").asText());
    }

    private Optional<InboundMessage> read(JsonNode ses) {
        JsonNode mail = ses.path("mail");
        String messageId = mail.path("messageId").asText("");
        List<String> recipients = new ArrayList<>();
        (ses.path("receipt").path("recipients").isArray() ? ses.path("receipt").path("recipients") : mail.path("destination"))
                .forEach(r -> recipients.add(r.asText()));
        if (messageId.isEmpty()) {
            return Optional.empty();
        }
        Provenance provenance = authenticated(ses.path("receipt")) ? Provenance.verified(ReplyProvider.SES.wireName()) : Provenance.claimed("ses-unauthenticated");
        return store.fetch(messageId).flatMap(MimeText::parse).flatMap(parsed -> author(parsed).map(from -> {
            String token = EmailReplies.tokenOf(recipients, parsed.subject()).orElse(null);
            InboundMessage message = new InboundMessage("email", ReplyProvider.SES.wireName(), messageId, new Customer(List.of(from), null, null, null, provenance),
                    EmailReplies.newText(parsed.text()), null, token, clock.instant());
            Optional<String> automatic = AutomaticMail.reason(parsed::header, parsed.subject(), parsed.contentType(), from.value());
            if (automatic.isPresent()) {
                counter.count(ReplyProvider.SES.wireName(), "automatic:" + automatic.get(), clock.instant());
                return message.as(MessageKind.AUTOMATIC);
            }
            return AutomaticMail.isUnsubscribeRequest(parsed.subject()) ? message.as(MessageKind.UNSUBSCRIBE) : message;
        }));
    }

    /**
     * Who wrote the mail: its {@code From} address. The envelope sender ({@code mail.source}) is only
     * the server that handed it over — a forwarder's rewritten SRS address, a bounce's empty sender —
     * and names nobody; without a readable From there is no author.
     */
    private Optional<Identity> author(MimeText.Parsed parsed) {
        for (String value : parsed.header("from")) {
            try {
                InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
                if (addresses.length > 0 && addresses[0].getAddress() != null) {
                    return normalizer.email(addresses[0].getAddress());
                }
            } catch (AddressException unreadable) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
