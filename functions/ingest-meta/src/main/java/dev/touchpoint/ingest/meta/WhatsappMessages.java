package dev.touchpoint.ingest.meta;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.conversation.MediaItem;
import dev.touchpoint.domain.conversation.MessageKind;
import dev.touchpoint.wire.json.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a WhatsApp Cloud API message says, by its {@code type}: text; a tapped button or list row
 * (its id is the payload); a Flow's answers; media — an image, video or document's caption is its text, and the media
 * is kept by its id; voice notes, audio, stickers, locations and contact cards are media alone; a
 * reaction is a reaction. Other types ({@code unsupported}, {@code system}, {@code order}…) are not read.
 */
final class WhatsappMessages {

    /** What the message carries; {@code token} is a Flow's {@code flow_token}, our invitation's token when we sent the Flow. */
    record Content(String text, String payload, MessageKind kind, List<MediaItem> media, String token) {
        Content(String text, String payload, MessageKind kind, List<MediaItem> media) {
            this(text, payload, kind, media, null);
        }
    }

    /** A Flow answer's field that holds a score: a whole number, as a number or as text ("9"). */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\s*-?\\d{1,3}\\s*");

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

    /** A button or list reply: its title is the text, its id the payload; a Flow's answers are read by {@link #flow}. */
    private static Optional<Content> interactive(JsonNode interactive) {
        String type = interactive.path("type").asText();
        JsonNode reply = interactive.path(type);
        if (type.equals("nfm_reply")) {
            return flow(reply);
        }
        if (!reply.has("id")) {
            return Optional.empty();
        }
        return Optional.of(new Content(reply.path("title").asText(""), reply.path("id").asText(null), MessageKind.MESSAGE, List.of()));
    }

    /**
     * A WhatsApp Flow's answers ({@code nfm_reply}): {@code response_json} is a JSON object as the Flow
     * defines it. Its first whole-number field is the score (the payload, as a button's id is), its other
     * text fields, in order, the comment; {@code flow_token} is the token the Flow was sent with. Flows of
     * another shape (an address message) have no answer to read and are not read.
     */
    static Optional<Content> flow(JsonNode reply) {
        JsonNode answers;
        try {
            answers = StrictJson.read(reply.path("response_json").asText(""));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
        if (!answers.isObject() || !reply.path("name").asText("flow").equals("flow")) {
            return Optional.empty();
        }
        String score = null;
        List<String> comments = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : answers.properties()) {
            String value = field.getValue().isValueNode() ? field.getValue().asText("") : "";
            if (field.getKey().equals("flow_token") || value.isBlank()) {
                continue;
            }
            boolean number = WHOLE_NUMBER.matcher(value).matches();
            if (number && score == null) {
                score = value.strip();
            } else if (!number && field.getValue().isTextual()) {
                comments.add(value.strip()); // a second score (a CSAT beside the NPS) is not a comment
            }
        }
        if (score == null && comments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Content(String.join("\n", comments), score, MessageKind.FORM, List.of(),
                answers.path("flow_token").asText(null)));
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
