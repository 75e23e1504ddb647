package dev.touchpoint.domain.survey;

import dev.touchpoint.domain.feedback.AnswerType;
import java.util.List;

/**
 * One question. Scored types may carry labels for the two ends of their scale; choice questions carry
 * their options, each with a stable id (what is stored) and a text per language.
 */
public record SurveyQuestion(String id, AnswerType type, boolean required, LocalizedText text,
                             LocalizedText lowLabel, LocalizedText highLabel, List<Option> options) {

    public record Option(String id, LocalizedText text) {
    }

    public SurveyQuestion {
        options = List.copyOf(options);
    }
}
