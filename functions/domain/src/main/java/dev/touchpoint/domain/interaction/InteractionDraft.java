package dev.touchpoint.domain.interaction;

import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentObject;
import dev.touchpoint.domain.validation.SentTexts;
import java.util.List;

/** A service interaction as its client sent it, field by field and not yet checked ({@link InteractionCheck}). */
public record InteractionDraft(List<String> unknownFields, Sent id, Sent type, Sent occurredAt, Sent touchpoint,
                               SentObject customer, Sent surveyId, Sent delaySeconds, SentTexts channels) {

    public InteractionDraft {
        unknownFields = List.copyOf(unknownFields);
    }
}
