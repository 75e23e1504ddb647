package dev.touchpoint.domain.survey;

import dev.touchpoint.domain.validation.FieldError;
import java.util.List;

/** A survey definition that breaks the format of docs/surveys.md; names every problem. */
public class InvalidSurveyException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidSurveyException(String source, List<FieldError> errors) {
        super(source + ": " + errors.stream().map(e -> e.pointer() + " " + e.detail()).toList());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
