package dev.touchpoint.domain.feedback;

import java.util.Objects;

/**
 * One answered question. Scored types carry {@code score}; choice and text carry {@code text}.
 * The constructor refuses combinations no channel may produce, so an invalid answer cannot exist.
 */
public record Answer(String questionId, AnswerType type, Integer score, String text) {

    /** The longest text answer (or comment) any channel stores: 5000 characters. */
    public static final int MAX_TEXT_LENGTH = 5000;
    /** The longest choice an answer may name. */
    public static final int MAX_CHOICE_LENGTH = 200;

    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(type, "type");
        if (type.isScored()) {
            if (score == null || !type.accepts(score)) {
                throw new IllegalArgumentException(type.wireName() + " score out of range: " + score);
            }
            if (text != null) {
                throw new IllegalArgumentException(type.wireName() + " answers carry a score, not text");
            }
        } else if (text == null || score != null) {
            throw new IllegalArgumentException(type.wireName() + " answers carry text only");
        }
    }

    public static Answer scored(String questionId, AnswerType type, int score) {
        return new Answer(questionId, type, score, null);
    }

    public static Answer text(String questionId, AnswerType type, String text) {
        return new Answer(questionId, type, null, text);
    }
}
