package dev.touchpoint.ingest.meta;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.WebhookEventCounter;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Meta's webhooks. {@code GET}: the verification handshake ({@code hub.mode=subscribe} with our verify
 * token → the challenge as text; anything else 403). {@code POST}: {@code X-Hub-Signature-256} over
 * the raw body, then every entry and change: WhatsApp text, interactive button and list replies,
 * quick-reply buttons; Messenger text, quick replies and postbacks (echoes of our own messages are
 * ignored). Message statuses and kinds we do not handle are acknowledged and counted, never a 5xx.
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

    public APIGatewayV2HTTPResponse handle(HttpRequest request, Consumer<String> log) {
        if (appSecret.isEmpty() || verifyToken.isEmpty()) {
            return text(503, "Meta webhooks not configured: set TOUCHPOINT_META_APP_SECRET and TOUCHPOINT_META_VERIFY_TOKEN.");
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

    private APIGatewayV2HTTPResponse delivery(HttpRequest request, Consumer<String> log) {
        byte[] body;
        try {
            body = request.bodyBytes();
        } catch (IllegalArgumentException notBase64) {
            return text(400, "Unreadable body.");
        }
        if (body.length > MAX_BODY_BYTES
                || !WebhookSignatures.isMeta(appSecret.get(), body, request.header("x-hub-signature-256").orElse(null))) {
            return text(403, "Invalid signature.");
        }
        JsonNode root;
        try {
            root = StrictJson.read(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException malformed) {
            return text(400, "Malformed JSON.");
        }
        List<InboundMessage> messages = new ArrayList<>();
        switch (root.path("object").asText()) {
            case "whatsapp_business_account" -> root.path("entry").forEach(entry ->
                    entry.path("changes").forEach(change -> whatsapp(change.path("value"), messages)));
            case "page" -> root.path("entry").forEach(entry ->
                    entry.path("messaging").forEach(event -> messenger(event, messages)));
            default -> counter.count("meta", "object:" + safe(root.path("object").asText("none")), clock.instant());
        }
        // Meta batches a busy number's messages into one POST: ten to an SQS request.
        queue.enqueueAll(messages.stream().filter(this::storable).map(InboundMessageEvent::new).toList());
        return text(200, "EVENT_RECEIVED");
    }

    private void whatsapp(JsonNode value, List<InboundMessage> into) {
        String name = value.path("contacts").path(0).path("profile").path("name").asText(null);
        value.path("statuses").forEach(status ->
                counter.count("whatsapp", "status:" + safe(status.path("status").asText("unknown")), clock.instant()));
        for (JsonNode message : value.path("messages")) {
            String type = message.path("type").asText();
            String text;
            String payload = null;
            switch (type) {
                case "text" -> text = message.path("text").path("body").asText("");
                case "interactive" -> {
                    JsonNode reply = message.path("interactive").path(message.path("interactive").path("type").asText());
                    text = reply.path("title").asText("");
                    payload = reply.path("id").asText(null);
                }
                case "button" -> {
                    text = message.path("button").path("text").asText("");
                    payload = message.path("button").path("payload").asText(null);
                }
                default -> {
                    counter.count("whatsapp", "message:" + safe(type), clock.instant());
                    continue;
                }
            }
            String from = message.path("from").asText("");
            Optional<Customer> sender = whatsappSender(from, name);
            String id = message.path("id").asText("");
            if (sender.isEmpty() || id.isEmpty()) {
                counter.count("whatsapp", "unreadable", clock.instant());
                continue;
            }
            into.add(new InboundMessage("whatsapp", "meta", id, sender.get(), text, payload, null, clock.instant()));
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

    /** A WhatsApp id is the phone number without its plus: both identify the customer, so an SMS of the same number is the same person. */
    private Optional<Customer> whatsappSender(String waId, String name) {
        List<Identity> identities = new ArrayList<>();
        normalizer.opaque(IdentityType.WHATSAPP_ID, waId).ifPresent(identities::add);
        if (identities.isEmpty()) {
            return Optional.empty();
        }
        normalizer.phone("+" + waId).ifPresent(identities::add);
        return Optional.of(Customer.verifiedBy("meta", identities, name));
    }

    private void messenger(JsonNode event, List<InboundMessage> into) {
        String psid = event.path("sender").path("id").asText("");
        Optional<Identity> sender = normalizer.opaque(IdentityType.MESSENGER_ID, psid);
        JsonNode message = event.path("message");
        if (message.path("is_echo").asBoolean(false)) {
            return;
        }
        if (sender.isPresent() && message.isObject() && message.hasNonNull("mid")) {
            into.add(new InboundMessage("messenger", "meta", message.path("mid").asText(), customer(sender.get()),
                    message.path("text").asText(""), message.path("quick_reply").path("payload").asText(null), null, clock.instant()));
        } else if (sender.isPresent() && event.has("postback")) {
            JsonNode postback = event.path("postback");
            String id = postback.path("mid").asText("postback:" + psid + ":" + event.path("timestamp").asText());
            into.add(new InboundMessage("messenger", "meta", id, customer(sender.get()), postback.path("title").asText(""),
                    postback.path("payload").asText(null), null, clock.instant()));
        } else {
            counter.count("messenger", "unhandled", clock.instant());
        }
    }

    private static Customer customer(Identity identity) {
        return Customer.verifiedBy("meta", List.of(identity), null);
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
