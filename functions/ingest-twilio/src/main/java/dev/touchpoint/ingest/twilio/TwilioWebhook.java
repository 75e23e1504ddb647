package dev.touchpoint.ingest.twilio;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.FormFields;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.DeliveryStatusEvent;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.MediaItem;
import dev.touchpoint.domain.conversation.MessageKind;
import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.conversation.WebhookEventCounter;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.text.StorableText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Twilio's messaging webhook. Order: 503 when no auth token is configured, 413 for a body over
 * {@value #MAX_BODY_BYTES} bytes, 403 for a missing or
 * wrong {@code X-Twilio-Signature} (computed over {@code TOUCHPOINT_PUBLIC_URL} + the path, as Twilio
 * signs the URL it was given), then the message is queued — idempotent downstream on its
 * {@code MessageSid} — and answered with an empty TwiML response: replies follow through Twilio's API
 * once the processor knows the customer's open survey.
 */
public final class TwilioWebhook {

    static final String TWIML_EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Optional<String> authToken;
    private final String publicUrl;
    private final IdentityNormalizer normalizer;
    private final FeedbackQueue queue;
    private final WebhookEventCounter counter;
    private final Clock clock;

    public TwilioWebhook(Optional<String> authToken, String publicUrl, IdentityNormalizer normalizer, FeedbackQueue queue,
                         WebhookEventCounter counter, Clock clock) {
        this.authToken = authToken;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.normalizer = normalizer;
        this.queue = queue;
        this.counter = counter;
        this.clock = clock;
    }

    public APIGatewayV2HTTPResponse handle(HttpRequest request, EventLog log) {
        if (authToken.isEmpty()) {
            return text(503, "text/plain", "Twilio webhook not configured: set " + Setting.TWILIO_AUTH_TOKEN.variable() + ".");
        }
        if (!request.method().equals("POST")) {
            return text(405, "text/plain", "POST only.");
        }
        if (request.bodySize() > MAX_BODY_BYTES) {
            // Said as it is: a signature error would send the integrator hunting for a wrong auth token.
            return text(413, "text/plain", "Payload too large: at most " + MAX_BODY_BYTES + " bytes.");
        }
        Optional<Map<String, String>> form = FormFields.read(request, MAX_BODY_BYTES);
        String signedUrl = publicUrl + request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        if (form.isEmpty() || !WebhookSignatures.isTwilio(authToken.get(), signedUrl, form.get(),
                request.header("x-twilio-signature").orElse(null))) {
            return text(403, "text/plain", "Invalid Twilio signature.");
        }
        Map<String, String> fields = form.get();
        if (isStatusCallback(fields)) {
            // The delivery state of a message we sent: its From is our own number, never a customer.
            counter.count(ReplyProvider.TWILIO.wireName(), "status:" + fields.get("MessageStatus").replaceAll("[^a-z_]", ""), clock.instant());
            String sid = fields.getOrDefault("MessageSid", fields.getOrDefault("SmsSid", ""));
            if (!sid.isBlank() && StorableText.isStorable(sid)) {
                queue.enqueue(new DeliveryStatusEvent(ReplyProvider.TWILIO.wireName(), sid, fields.get("MessageStatus"),
                        emptyToNull(fields.get("ErrorCode")), clock.instant()));
            }
            return text(200, "text/xml", TWIML_EMPTY);
        }
        String sid = fields.getOrDefault("MessageSid", fields.getOrDefault("SmsSid", ""));
        Optional<Customer> sender = sender(fields);
        if (sid.isBlank() || sender.isEmpty()) {
            counter.count(ReplyProvider.TWILIO.wireName(), "unhandled", clock.instant());
            log.warn("request.unhandled", sid.isBlank() ? null : "message:twilio:" + sid, "acknowledged a request without MessageSid or a valid sender");
            return text(200, "text/xml", TWIML_EMPTY);
        }
        boolean whatsapp = fields.getOrDefault("From", "").startsWith("whatsapp:");
        InboundMessage message = new InboundMessage(whatsapp ? "whatsapp" : "sms", ReplyProvider.TWILIO.wireName(), sid, sender.get(),
                fields.getOrDefault("Body", ""), emptyToNull(fields.get("ButtonPayload")), null, clock.instant(),
                MessageKind.MESSAGE, media(fields));
        if (!message.isStorable()) {
            // Twilio would only send it again: acknowledged, counted, not queued.
            counter.count(ReplyProvider.TWILIO.wireName(), "unreadable", clock.instant());
            return text(200, "text/xml", TWIML_EMPTY);
        }
        queue.enqueue(new InboundMessageEvent(message));
        return text(200, "text/xml", TWIML_EMPTY);
    }

    /**
     * Twilio posts a message's status changes (sent, delivered, undelivered, failed…) to a status callback
     * URL: a {@code MessageStatus} other than {@code received}, and no {@code Body}. An incoming message
     * always has a {@code Body}, empty for a picture alone.
     */
    static boolean isStatusCallback(Map<String, String> fields) {
        String status = fields.get("MessageStatus");
        return status != null && !status.equals("received") && !fields.containsKey("Body");
    }

    /** An MMS or WhatsApp media message: {@code NumMedia} items, each {@code MediaUrl<i>} with its {@code MediaContentType<i>}. */
    static List<MediaItem> media(Map<String, String> fields) {
        int count;
        try {
            count = Math.min(Integer.parseInt(fields.getOrDefault("NumMedia", "0").trim()), 10);
        } catch (NumberFormatException notANumber) {
            return List.of();
        }
        List<MediaItem> media = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String url = emptyToNull(fields.get("MediaUrl" + i));
            String type = emptyToNull(fields.get("MediaContentType" + i));
            if (url != null) {
                media.add(new MediaItem(kindOf(type), url, type));
            }
        }
        return media;
    }

    private static String kindOf(String contentType) {
        if (contentType == null) {
            return "file";
        }
        String major = contentType.substring(0, Math.max(0, contentType.indexOf('/'))).toLowerCase(Locale.ROOT);
        return switch (major) {
            case "image", "video", "audio" -> major;
            default -> contentType.toLowerCase(Locale.ROOT).contains("vcard") ? "contacts" : "document";
        };
    }

    /** {@code From} is {@code +90…} for SMS or {@code whatsapp:+90…}; WhatsApp adds {@code WaId} and the profile name. */
    private Optional<Customer> sender(Map<String, String> fields) {
        String from = fields.getOrDefault("From", "");
        Optional<Identity> phone = from.startsWith("whatsapp:")
                ? normalizer.whatsappPhone(from.substring("whatsapp:".length()))
                : normalizer.phone(from);
        if (phone.isEmpty()) {
            return Optional.empty();
        }
        List<Identity> identities = new ArrayList<>(List.of(phone.get()));
        Optional.ofNullable(fields.get("WaId")).flatMap(id -> normalizer.opaque(IdentityType.WHATSAPP_ID, id)).ifPresent(identities::add);
        return Optional.of(Customer.verifiedBy(ReplyProvider.TWILIO.wireName(), identities, emptyToNull(fields.get("ProfileName"))));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static APIGatewayV2HTTPResponse text(int status, String type, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", type + "; charset=utf-8")).withBody(body).build();
    }
}
