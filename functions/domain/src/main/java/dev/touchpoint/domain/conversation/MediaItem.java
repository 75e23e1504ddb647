package dev.touchpoint.domain.conversation;

import java.util.Objects;

/**
 * A photo, video, document, voice note, sticker, location or contact card a customer sent: what kind
 * it is and where the provider keeps it (its media id or URL, or a {@code geo:} URI), never its bytes.
 *
 * @param kind      {@code image}, {@code video}, {@code document}, {@code audio}, {@code voice}, {@code sticker},
 *                  {@code location}, {@code contacts}, {@code file}…, as the provider names it
 * @param reference the provider's media id or URL, a {@code geo:lat,long} URI for a location, or null
 * @param mimeType  the provider's content type when it gives one, else null
 */
public record MediaItem(String kind, String reference, String mimeType) {

    public MediaItem {
        Objects.requireNonNull(kind, "kind");
    }
}
