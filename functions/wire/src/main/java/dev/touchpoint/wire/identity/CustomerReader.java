package dev.touchpoint.wire.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.CustomerCheck;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentObject;
import dev.touchpoint.wire.json.Members;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the contract's {@code customer} object (the same in feedback, interactions and queued
 * messages) into what was sent, and has the domain's {@link CustomerCheck} judge it.
 */
public final class CustomerReader {

    private final CustomerCheck check;

    public CustomerReader(IdentityNormalizer normalizer) {
        this.check = new CustomerCheck(normalizer);
    }

    /** @param at the JSON pointer of the object, e.g. {@code /customer} */
    public Customer read(JsonNode node, String at, List<FieldError> errors) {
        return check.check(sentObject(node), at, errors);
    }

    /** The object as sent: its known members, and the names of the others. */
    public static SentObject sentObject(JsonNode node) {
        if (node == null || node.isNull()) {
            return SentObject.ABSENT;
        }
        if (!node.isObject()) {
            return SentObject.NOT_AN_OBJECT;
        }
        // One pass over what was sent: a customer names two or three of its eleven fields.
        Map<String, Sent> members = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (CustomerCheck.FIELDS.contains(member.getKey())) {
                members.put(member.getKey(), Members.sent(member.getValue()));
            } else {
                unknown.add(member.getKey());
            }
        }
        return SentObject.of(unknown, members);
    }
}
