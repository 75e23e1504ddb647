package dev.touchpoint.wire.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.conversation.DeliveryStatusEvent;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.MediaItem;
import dev.touchpoint.domain.conversation.MessageKind;
import dev.touchpoint.domain.conversation.ReplyChannels;
import dev.touchpoint.domain.conversation.TeamReply;
import dev.touchpoint.domain.conversation.TeamReplyRequest;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.Provenance;
import dev.touchpoint.domain.interaction.InteractionEvent;
import dev.touchpoint.domain.interaction.ServiceInteraction;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.domain.queue.UnreadableMessageException;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.feedback.SubmissionReader;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.identity.CustomerReader;
import dev.touchpoint.wire.interaction.InteractionReader;
import dev.touchpoint.wire.json.StrictJson;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The queue's message bodies:
 * {@code {"kind":"feedback","idempotencyKey":…,"receivedAt":…,"invitationId":…,"submission":{…contract shape…}}}
 * {@code {"kind":"interaction","receivedAt":…,"interaction":{…contract shape…}}}, {@code {"kind":"inbound","message":{…}}}
 * and {@code {"kind":"team-reply","reply":{…}}}. Decoding
 * re-validates the content, so a message edited in the queue or the DLQ cannot smuggle in what the
 * API would have refused.
 */
public final class QueueMessageCodec {

    public static final String FEEDBACK_KIND = "feedback";
    public static final String INTERACTION_KIND = "interaction";
    public static final String INBOUND_KIND = "inbound";
    public static final String TEAM_REPLY_KIND = "team-reply";
    public static final String DELIVERY_STATUS_KIND = "delivery-status";

    private final SubmissionReader submissions;
    private final InteractionReader interactions;
    private final CustomerReader customers;

    public QueueMessageCodec(SubmissionReader submissions, InteractionReader interactions, IdentityNormalizer normalizer) {
        this.submissions = submissions;
        this.interactions = interactions;
        this.customers = new CustomerReader(normalizer);
    }

    public static String encode(FeedbackEvent event) {
        ObjectNode root = StrictJson.object();
        root.put("kind", FEEDBACK_KIND);
        root.put("responseId", event.responseId());
        root.put("idempotencyKey", event.idempotencyKey());
        root.put("receivedAt", event.receivedAt().toString());
        if (event.invitationId() != null) {
            root.put("invitationId", event.invitationId());
        }
        Provenance provenance = event.submission().customer().provenance();
        if (provenance.isClaimed()) {
            // Not part of the submission's contract: how its identifiers were learned is ours to say, not the caller's.
            root.put("claimedVia", provenance.source());
        }
        root.set("submission", SubmissionWriter.write(event.submission()));
        return StrictJson.write(root);
    }

    public static String encode(InteractionEvent event) {
        ObjectNode root = StrictJson.object();
        root.put("kind", INTERACTION_KIND);
        root.put("receivedAt", event.receivedAt().toString());
        root.put("invitationId", event.invitationId());
        root.set("interaction", InteractionReader.write(event.interaction()));
        return StrictJson.write(root);
    }

    public static String encode(InboundMessageEvent event) {
        InboundMessage m = event.message();
        ObjectNode root = StrictJson.object();
        root.put("kind", INBOUND_KIND);
        ObjectNode message = root.putObject("message");
        message.put("channel", m.channel()).put("provider", m.provider()).put("providerMessageId", m.providerMessageId())
                .put("text", m.text()).put("payload", m.payload()).put("invitationToken", m.invitationToken())
                .put("receivedAt", m.receivedAt().toString());
        if (m.sender().provenance().isClaimed()) {
            message.put("claimedVia", m.sender().provenance().source());
        }
        if (m.kind() != MessageKind.MESSAGE) {
            message.put("messageKind", m.kind().wireName());
        }
        if (!m.media().isEmpty()) {
            ArrayNode media = message.putArray("media");
            m.media().forEach(item -> media.addObject().put("kind", item.kind()).put("reference", item.reference())
                    .put("mimeType", item.mimeType()));
        }
        ObjectNode sender = message.putObject("sender");
        m.sender().identities().forEach(i -> sender.put(i.type().wireName(), i.value()));
        if (m.sender().name() != null) {
            sender.put("name", m.sender().name());
        }
        return StrictJson.write(root);
    }

    public static String encode(TeamReply reply) {
        ObjectNode root = StrictJson.object();
        root.put("kind", TEAM_REPLY_KIND);
        root.putObject("reply").put("id", reply.id()).put("profileId", reply.profileId()).put("channel", reply.channel())
                .put("provider", reply.provider()).put("text", reply.text()).put("author", reply.author())
                .put("requestedAt", reply.requestedAt().toString());
        return StrictJson.write(root);
    }

    /** A provider's news of a message we sent: {@code {"kind":"delivery-status","status":{…}}}. */
    public static String encode(DeliveryStatusEvent event) {
        ObjectNode root = StrictJson.object();
        root.put("kind", DELIVERY_STATUS_KIND);
        root.putObject("status").put("provider", event.provider()).put("providerMessageId", event.providerMessageId())
                .put("status", event.status()).put("errorCode", event.errorCode()).put("at", event.at().toString());
        return StrictJson.write(root);
    }

    public static String kindOf(QueueMessage message) {
        return switch (message) {
            case FeedbackEvent feedback -> FEEDBACK_KIND;
            case InteractionEvent interaction -> INTERACTION_KIND;
            case TeamReply reply -> TEAM_REPLY_KIND;
            case DeliveryStatusEvent status -> DELIVERY_STATUS_KIND;
            default -> INBOUND_KIND;
        };
    }

    public static String encode(QueueMessage message) {
        return switch (message) {
            case FeedbackEvent feedback -> encode(feedback);
            case InteractionEvent interaction -> encode(interaction);
            case InboundMessageEvent inbound -> encode(inbound);
            case TeamReply reply -> encode(reply);
            case DeliveryStatusEvent status -> encode(status);
            default -> throw new IllegalArgumentException("no codec for " + message.getClass().getSimpleName());
        };
    }

    public QueueMessage decode(String body) {
        JsonNode root = StrictJson.read(body);
        String kind = root.path("kind").asText();
        return switch (kind) {
            case FEEDBACK_KIND -> feedback(root);
            case INTERACTION_KIND -> interaction(root);
            case INBOUND_KIND -> inbound(root.path("message"));
            case TEAM_REPLY_KIND -> teamReply(root.path("reply"));
            case DELIVERY_STATUS_KIND -> deliveryStatus(root.path("status"));
            default -> throw new UnreadableMessageException("unknown message kind");
        };
    }

    private InteractionEvent interaction(JsonNode root) {
        ServiceInteraction interaction = interactions.read(root.get("interaction"));
        String invitationId = root.hasNonNull("invitationId") ? uuid(root.get("invitationId").asText(), "invitationId")
                : InteractionEvent.legacyInvitationId(interaction);
        return new InteractionEvent(interaction, receivedAt(root), invitationId);
    }

    /** An id the message carries must be a UUID: it becomes a key of the table. */
    private static String uuid(String text, String field) {
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessageException("message with an invalid " + field);
        }
    }

    private FeedbackEvent feedback(JsonNode root) {
        String key = root.path("idempotencyKey").asText("");
        if (key.isEmpty()) {
            throw new UnreadableMessageException("message without idempotencyKey");
        }
        FeedbackSubmission submission = submissions.read(root.get("submission"));
        if (root.hasNonNull("claimedVia")) {
            submission = submission.withCustomer(submission.customer().learnedAs(Provenance.claimed(root.get("claimedVia").asText())));
        }
        String invitationId = root.hasNonNull("invitationId") ? root.get("invitationId").asText() : null;
        // The id the message was accepted under; messages queued before 2026-12-07 name it by the key alone.
        String responseId = root.hasNonNull("responseId") ? uuid(root.get("responseId").asText(), "responseId")
                : FeedbackEvent.responseIdFor(key);
        return new FeedbackEvent(responseId, key, submission, receivedAt(root), invitationId);
    }

    private InboundMessageEvent inbound(JsonNode message) {
        List<FieldError> errors = new ArrayList<>();
        Customer sender = customers.read(message.get("sender"), "/message/sender", errors);
        String id = message.path("providerMessageId").asText("");
        if (!errors.isEmpty() || id.isEmpty() || message.path("channel").asText("").isEmpty()) {
            throw new UnreadableMessageException("inbound message without a valid sender, id or channel");
        }
        // A provider signed the message that named its sender, unless it said it could not vouch for it.
        sender = sender.learnedAs(message.hasNonNull("claimedVia") ? Provenance.claimed(message.get("claimedVia").asText())
                : Provenance.verified(message.path("provider").asText()));
        MessageKind kind;
        try {
            kind = MessageKind.fromWire(textOrNull(message.get("messageKind")));
        } catch (IllegalArgumentException unknown) {
            throw new UnreadableMessageException("inbound message of an unknown kind");
        }
        List<MediaItem> media = new ArrayList<>();
        for (JsonNode item : message.path("media")) {
            if (item.path("kind").asText("").isEmpty()) {
                throw new UnreadableMessageException("inbound message with a media item of no kind");
            }
            media.add(new MediaItem(item.get("kind").asText(), textOrNull(item.get("reference")), textOrNull(item.get("mimeType"))));
        }
        return new InboundMessageEvent(new InboundMessage(message.path("channel").asText(), message.path("provider").asText(),
                id, sender, message.path("text").asText(""), textOrNull(message.get("payload")),
                textOrNull(message.get("invitationToken")), receivedAt(message), kind, media));
    }

    private static DeliveryStatusEvent deliveryStatus(JsonNode status) {
        String provider = status.path("provider").asText("");
        String id = status.path("providerMessageId").asText("");
        String word = status.path("status").asText("");
        if (provider.isEmpty() || id.isEmpty() || word.isEmpty()) {
            throw new UnreadableMessageException("delivery status without a provider, message id or status");
        }
        try {
            return new DeliveryStatusEvent(provider, id, word, textOrNull(status.get("errorCode")), Instant.parse(status.path("at").asText()));
        } catch (DateTimeException e) {
            throw new UnreadableMessageException("delivery status without a valid at");
        }
    }

    private static TeamReply teamReply(JsonNode reply) {
        String channel = reply.path("channel").asText("");
        String text = reply.path("text").asText("");
        if (reply.path("id").asText("").isEmpty() || reply.path("profileId").asText("").isEmpty()
                || !ReplyChannels.REPLYABLE.contains(channel) || reply.path("provider").asText("").isEmpty()
                || text.isBlank() || text.length() > TeamReplyRequest.MAX_TEXT_LENGTH) {
            throw new UnreadableMessageException("team reply without a valid id, profile, channel, provider or text");
        }
        try {
            return new TeamReply(reply.get("id").asText(), reply.get("profileId").asText(), channel, reply.get("provider").asText(),
                    text, textOrNull(reply.get("author")), Instant.parse(reply.path("requestedAt").asText()));
        } catch (DateTimeException e) {
            throw new UnreadableMessageException("team reply without a valid requestedAt");
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Instant receivedAt(JsonNode root) {
        try {
            return Instant.parse(root.path("receivedAt").asText());
        } catch (DateTimeException e) {
            throw new UnreadableMessageException("message without a valid receivedAt");
        }
    }
}
