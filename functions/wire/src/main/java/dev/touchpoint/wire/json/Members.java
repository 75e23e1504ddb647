package dev.touchpoint.wire.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.validation.Sent;

/** What a JSON member holds, in the words the domain's checks judge ({@link Sent}): JSON null is nothing sent. */
public final class Members {

    private Members() {
    }

    public static Sent sent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Sent.ABSENT;
        }
        if (node.isTextual()) {
            return Sent.text(node.textValue());
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return new Sent.Whole(node.longValue());
        }
        return new Sent.Other();
    }
}
