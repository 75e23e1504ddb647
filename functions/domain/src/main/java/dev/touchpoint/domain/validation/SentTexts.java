package dev.touchpoint.domain.validation;

import java.util.List;

/** A list of texts as a client sent it: nothing, or its items (none when what was sent is not a list). */
public record SentTexts(boolean sent, List<String> items) {

    public static final SentTexts ABSENT = new SentTexts(false, List.of());

    public SentTexts {
        items = List.copyOf(items);
    }
}
