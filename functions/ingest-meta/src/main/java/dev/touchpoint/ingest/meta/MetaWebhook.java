package dev.touchpoint.ingest.meta;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.DeliveryStatusEvent;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.conversation.WebhookEventCounter;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.domain.text.StorableText;
import dev.touchpoint.wire.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Meta's webhooks. {@code GET}: the verification handshake ({@code hub.mode=subscribe} with our verify
 * token → the challenge as text; anything else 403). {@code POST}: {@code X-Hub-Signature-256} over
 * the raw body, then every entry and change: WhatsApp messages ({@link WhatsappMessages}) and Messenger
 * events ({@link MessengerEvents}); echoes of our own messages are ignored. Message statuses and kinds
 * we do not handle are acknowledged and counted, never a 5xx.
 */
public final class MetaWebhook {

    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final Optional<String> appSecret;
    private final Optional<String> verifyToken;
    private final IdentityNormalizer normalizer;
    private final FeedbackQueue queue;
    private final WebhookEventCounter counter;
    private final Clock clock;

    public MetaWebhook(Optional<String> appSecret, Optional<String> verifyToken, IdentityNormalizer normalizer,
                       FeedbackQueue queue, WebhookEventCounter counter, Clock clock) {
        this.appSecret = appSecret;
        this.verifyToken = verifyToken;
        this.normalizer = normalizer;
        this.queue = queue;
        this.counter = counter;
        this.clock = clock;
    }

    public APIGatewayV2HTTPResponse handle(HttpRequest request, EventLog log) {
        if (appSecret.isEmpty() || verifyToken.isEmpty()) {
            return text(503, "Meta webhooks not configured: set " + Setting.META_APP_SECRET.variable() + " and " + Setting.META_VERIFY_TOKEN.variable() + ".");
        }
        return switch (request.method()) {
            case "GET" -> handshake(request);
            case "POST" -> delivery(request, log);
            default -> text(405, "GET or POST only.");
        };
    }

    private APIGatewayV2HTTPResponse handshake(HttpRequest request) {
        Map<String, String> query = request.query();
        String token = query.getOrDefault("hub.verify_token", "");
        boolean valid = "subscribe".equals(query.get("hub.mode")) && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), verifyToken.get().getBytes(StandardCharsets.UTF_8));
        String challenge = query.getOrDefault("hub.challenge", "");
        return valid && challenge.matches("[A-Za-z0-9_-]{1,128}") ? text(200, challenge) : text(403, "Verification failed.");
    }

    private APIGatewayV2HTTPResponse delivery(HttpRequest request, EventLog log) {
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (IllegalArgumentException notBase64) {
            return text(400, "Unreadable body.");
        }
        if (body.length > MAX_BODY_BYTES) {
            // Said as it is: a signature error would send the integrator hunting for a wrong app secret.
            return text(413, "Payload too large: at most " + MAX_BODY_BYTES + " bytes.");
        }
        if (!WebhookSignatures.isMeta(appSecret.get(), body, request.header("x-hub-signature-256").orElse(null))) {
            return text(403, "Invalid signature.");
        }
        JsonNode root;
        try {
            root = StrictJson.read(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException malformed) {
            return text(400, "Malformed JSON.");
        }
        List<InboundMessage> messages = new ArrayList<>();
        List<DeliveryStatusEvent> statuses = new ArrayList<>();
        switch (root.path("object").asText()) {
            case "whatsapp_business_account" -> root.path("entry").forEach(entry ->
                    entry.path("changes").forEach(change -> whatsapp(change.path("value"), messages, statuses)));
            case "page" -> root.path("entry").forEach(entry ->
                    entry.path("messaging").forEach(event -> messenger(event, messages)));
            default -> counter.count(ReplyProvider.META.wireName(), "object:" + safe(root.path("object").asText("none")), clock.instant());
        }
        // Meta batches a busy number's messages into one POST: ten to an SQS request.
        List<QueueMessage> queued = new ArrayList<>(messages.stream().filter(this::storable).map(InboundMessageEvent::new).toList());
        queued.addAll(statuses);
        queue.enqueueAll(queued);
        return text(200, "EVENT_RECEIVED");
    }

    private void whatsapp(JsonNode value, List<InboundMessage> into, List<DeliveryStatusEvent> statuses) {
        for (JsonNode status : value.path("statuses")) {
            counter.count("whatsapp", "status:" + safe(status.path("status").asText("unknown")), clock.instant());
            // sent, delivered, read or failed (with errors[0].code): the news of a message we sent.
            String id = status.path("id").asText("");
            if (!id.isEmpty() && status.hasNonNull("status") && StorableText.isStorable(id)) {
                JsonNode code = status.path("errors").path(0).path("code");
                statuses.add(new DeliveryStatusEvent(ReplyProvider.META.wireName(), id, status.get("status").asText(),
                        code.isMissingNode() || code.isNull() ? null : code.asText(), clock.instant()));
            }
        }
        for (JsonNode message : value.path("messages")) {
            Optional<InboundMessage> read = WhatsappMessages.read(message).flatMap(content -> {
                Optional<Customer> sender = whatsappSender(message, value.path("contacts"));
                String id = message.path("id").asText("");
                return sender.isEmpty() || id.isEmpty() ? Optional.empty() : Optional.of(new InboundMessage("whatsapp", ReplyProvider.META.wireName(), id,
                        sender.get(), content.text(), content.payload(), content.token(), clock.instant(), content.kind(), content.media()));
            });
            if (read.isPresent()) {
                into.add(read.get());
            } else if (WhatsappMessages.isKnown(message)) {
                counter.count("whatsapp", "unreadable", clock.instant());
            } else {
                counter.count("whatsapp", "message:" + safe(message.path("type").asText()), clock.instant());
            }
        }
    }

    /** A message whose text could never be stored is counted, not queued: Meta would only send it again. */
    private boolean storable(InboundMessage message) {
        if (message.isStorable()) {
            return true;
        }
        counter.count(message.channel(), "unreadable", clock.instant());
        return false;
    }

    /**
     * The sender by what WhatsApp gives: the WhatsApp id ({@code from}), which is the phone number
     * without its plus, so an SMS of the same number is the same person; and the business-scoped user
     * id ({@code from_user_id}), given beside the number or, for a customer who shows only a username,
     * instead of it. All are Meta's word, so verified; the name is the profile name, else the username.
     */
    private Optional<Customer> whatsappSender(JsonNode message, JsonNode contacts) {
        String waId = message.path("from").asText("");
        String userId = message.path("from_user_id").asText("");
        List<Identity> identities = new ArrayList<>();
        if (!waId.isEmpty()) {
            normalizer.opaque(IdentityType.WHATSAPP_ID, waId).ifPresent(identities::add);
            normalizer.whatsappPhone(waId).ifPresent(identities::add);
        }
        if (!userId.isEmpty()) {
            normalizer.opaque(IdentityType.WHATSAPP_USER_ID, userId).ifPresent(identities::add);
        }
        if (identities.isEmpty()) {
            return Optional.empty();
        }
        JsonNode contact = StreamSupport.stream(contacts.spliterator(), false)
                .filter(c -> (!waId.isEmpty() && waId.equals(c.path("wa_id").asText()))
                        || (!userId.isEmpty() && userId.equals(c.path("user_id").asText())))
                .findFirst().orElse(contacts.path(0));
        String name = contact.path("profile").path("name").asText(null);
        String username = contact.path("profile").path("username").asText(null);
        return Optional.of(Customer.verifiedBy(ReplyProvider.META.wireName(), identities, name != null ? name : username));
    }

    private void messenger(JsonNode event, List<InboundMessage> into) {
        Optional<Identity> sender = normalizer.opaque(IdentityType.MESSENGER_ID, event.path("sender").path("id").asText(""));
        if (event.path("message").path("is_echo").asBoolean(false)) {
            return;
        }
        Optional<InboundMessage> read = sender.flatMap(psid -> MessengerEvents.read(event, customer(psid), clock.instant()));
        if (read.isPresent()) {
            into.add(read.get());
        } else {
            counter.count("messenger", "unhandled", clock.instant());
        }
    }

    private static Customer customer(Identity identity) {
        return Customer.verifiedBy(ReplyProvider.META.wireName(), List.of(identity), null);
    }

    /** Provider-chosen words into a counter name: short and plain. */
    private static String safe(String kind) {
        String cleaned = kind.replaceAll("[^A-Za-z0-9_.-]", "");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }

    private static APIGatewayV2HTTPResponse text(int status, String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("content-type", "text/plain; charset=utf-8")).withBody(body).build();
    }
}
