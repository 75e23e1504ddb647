package dev.touchpoint.ingest.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.MediaItem;
import dev.touchpoint.domain.conversation.MessageKind;
import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.identity.Customer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Messenger event says: a message (its text, a quick reply's payload, and its attachments by
 * URL), a postback (a tapped button: "Get Started" answers nothing), or a reaction to our message.
 * Deliveries, reads and other events are not read.
 */
final class MessengerEvents {

    private MessengerEvents() {
    }

    static Optional<InboundMessage> read(JsonNode event, Customer sender, Instant now) {
        JsonNode message = event.path("message");
        if (message.isObject() && message.hasNonNull("mid")) {
            return Optional.of(new InboundMessage("messenger", ReplyProvider.META.wireName(), message.path("mid").asText(), sender,
                    message.path("text").asText(""), message.path("quick_reply").path("payload").asText(null), null, now,
                    MessageKind.MESSAGE, attachments(message.path("attachments"))));
        }
        if (event.has("postback")) {
            JsonNode postback = event.path("postback");
            String id = postback.path("mid").asText("postback:" + event.path("sender").path("id").asText() + ":"
                    + event.path("timestamp").asText());
            return Optional.of(new InboundMessage("messenger", ReplyProvider.META.wireName(), id, sender, postback.path("title").asText(""),
                    postback.path("payload").asText(null), null, now, MessageKind.POSTBACK, List.of()));
        }
        JsonNode reaction = event.path("reaction");
        if (reaction.isObject() && "react".equals(reaction.path("action").asText("react"))) {
            String id = "reaction:" + reaction.path("mid").asText() + ":" + event.path("sender").path("id").asText() + ":"
                    + event.path("timestamp").asText();
            String emoji = reaction.path("emoji").asText(reaction.path("reaction").asText(""));
            return Optional.of(new InboundMessage("messenger", ReplyProvider.META.wireName(), id, sender, emoji, null, null, now, MessageKind.REACTION, List.of()));
        }
        return Optional.empty();
    }

    /** Images, videos, audio and files by their URL; a shared location by its coordinates; nothing downloaded. */
    private static List<MediaItem> attachments(JsonNode attachments) {
        List<MediaItem> media = new ArrayList<>();
        for (JsonNode attachment : attachments) {
            String type = attachment.path("type").asText("file");
            JsonNode payload = attachment.path("payload");
            if (payload.has("coordinates")) {
                media.add(new MediaItem("location", "geo:" + payload.path("coordinates").path("lat").asText() + ","
                        + payload.path("coordinates").path("long").asText(), null));
            } else {
                media.add(new MediaItem(type, payload.path("url").asText(null), null));
            }
        }
        return media;
    }
}
