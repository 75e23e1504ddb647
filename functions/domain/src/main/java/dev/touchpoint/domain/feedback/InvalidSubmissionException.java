package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.validation.FieldError;
import java.util.List;

/** A client's submission that cannot be accepted; carries every field error found, not just the first. */
public class InvalidSubmissionException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidSubmissionException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
