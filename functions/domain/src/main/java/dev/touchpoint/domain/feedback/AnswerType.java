package dev.touchpoint.domain.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of question a survey can ask. Scored kinds carry their inclusive range here, so that every
 * channel validates a score the same way.
 */
public enum AnswerType {
    NPS("nps", 0, 10),
    CSAT("csat", 1, 5),
    CES("ces", 1, 7),
    RATING("rating", 1, 5),
    CHOICE("choice", 0, 0),
    TEXT("text", 0, 0);

    private final String wireName;
    private final int min;
    private final int max;

    AnswerType(String wireName, int min, int max) {
        this.wireName = wireName;
        this.min = min;
        this.max = max;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isScored() {
        return this != CHOICE && this != TEXT;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return isScored() && score >= min && score <= max;
    }

    public static Optional<AnswerType> fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
    }

    public static String allWireNames() {
        return String.join(", ", Arrays.stream(values()).map(AnswerType::wireName).toList());
    }
}
