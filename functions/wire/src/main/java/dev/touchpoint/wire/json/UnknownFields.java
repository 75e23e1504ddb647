package dev.touchpoint.wire.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.validation.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A JSON object's members that no field of the contract names: each one an error, so that a typo never drops data. */
public final class UnknownFields {

    private UnknownFields() {
    }

    /** Every member of {@code node} not in {@code known} is an error at {@code at/<name>}: a typo must not drop data. */
    public static void reject(JsonNode node, String at, Set<String> known, List<FieldError> errors) {
        FieldError.rejectUnknown(in(node, known), at, known, errors);
    }

    /** The names of {@code node}'s members that are not in {@code known}, in the order they came. */
    public static List<String> in(JsonNode node, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }
}
