package dev.touchpoint.wire.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.text.StorableText;
import dev.touchpoint.domain.validation.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the fields of a JSON document whose text (value or name) {@link StorableText} refuses. */
public final class UnstorableText {

    public static final String PROBLEM = StorableText.PROBLEM;

    private UnstorableText() {
    }

    /** One error per field at fault, pointed to from {@code at} (the document's own pointer, "" for its root). */
    public static List<FieldError> in(JsonNode node, String at) {
        List<FieldError> errors = new ArrayList<>();
        collect(node, at, errors);
        return errors;
    }

    private static void collect(JsonNode node, String at, List<FieldError> errors) {
        if (node.isTextual() && !StorableText.isAcceptable(node.textValue())) {
            errors.add(new FieldError(at, PROBLEM));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, errors);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!StorableText.isAcceptable(field.getKey())) {
                    errors.add(new FieldError(at, "A field name " + PROBLEM.substring(0, 1).toLowerCase() + PROBLEM.substring(1)));
                } else {
                    collect(field.getValue(), at + "/" + escape(field.getKey()), errors);
                }
            }
        }
    }

    /** RFC 6901: {@code ~} and {@code /} in a name are written {@code ~0} and {@code ~1}. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
