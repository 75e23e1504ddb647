package dev.touchpoint.ingest.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.conversation.MediaItem;
import dev.touchpoint.domain.conversation.MessageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a WhatsApp Cloud API message says, by its {@code type}: text; a tapped button or list row
 * (its id is the payload); media — an image, video or document's caption is its text, and the media
 * is kept by its id; voice notes, audio, stickers, locations and contact cards are media alone; a
 * reaction is a reaction. Other types ({@code unsupported}, {@code system}, {@code order}…) are not read.
 */
final class WhatsappMessages {

    /** What the message carries. */
    record Content(String text, String payload, MessageKind kind, List<MediaItem> media) {
    }

    private static final Set<String> KNOWN = Set.of("text", "interactive", "button", "image", "video", "document", "audio",
            "sticker", "location", "contacts", "reaction");

    private WhatsappMessages() {
    }

    static boolean isKnown(JsonNode message) {
        return KNOWN.contains(message.path("type").asText());
    }

    static Optional<Content> read(JsonNode message) {
        String type = message.path("type").asText();
        JsonNode body = message.path(type);
        return switch (type) {
            case "text" -> Optional.of(text(body.path("body").asText("")));
            case "interactive" -> interactive(body);
            case "button" -> Optional.of(new Content(body.path("text").asText(""), body.path("payload").asText(null),
                    MessageKind.MESSAGE, List.of()));
            case "image", "video", "document" -> Optional.of(new Content(body.path("caption").asText(""), null, MessageKind.MESSAGE,
                    List.of(media(type, body))));
            case "audio" -> Optional.of(mediaOnly(media(body.path("voice").asBoolean(false) ? "voice" : "audio", body)));
            case "sticker" -> Optional.of(mediaOnly(media("sticker", body)));
            case "location" -> Optional.of(mediaOnly(new MediaItem("location",
                    "geo:" + body.path("latitude").asText("") + "," + body.path("longitude").asText(""), null)));
            // Someone else's card: its names and numbers are that person's, not our customer's; only the kind is kept.
            case "contacts" -> Optional.of(mediaOnly(new MediaItem("contacts", null, null)));
            case "reaction" -> Optional.of(new Content(body.path("emoji").asText(""), null, MessageKind.REACTION, List.of()));
            default -> Optional.empty();
        };
    }

    /** A button or list reply: its title is the text, its id the payload. A Flow's answers are not read yet. */
    private static Optional<Content> interactive(JsonNode interactive) {
        JsonNode reply = interactive.path(interactive.path("type").asText());
        if (!reply.has("id")) {
            return Optional.empty();
        }
        return Optional.of(new Content(reply.path("title").asText(""), reply.path("id").asText(null), MessageKind.MESSAGE, List.of()));
    }

    private static Content text(String text) {
        return new Content(text, null, MessageKind.MESSAGE, List.of());
    }

    private static Content mediaOnly(MediaItem item) {
        List<MediaItem> media = new ArrayList<>();
        media.add(item);
        return new Content("", null, MessageKind.MESSAGE, media);
    }

    private static MediaItem media(String kind, JsonNode body) {
        return new MediaItem(kind, body.path("id").asText(null), body.path("mime_type").asText(null));
    }
}
