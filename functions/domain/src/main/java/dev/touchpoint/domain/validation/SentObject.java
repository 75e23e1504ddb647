package dev.touchpoint.domain.validation;

import java.util.List;
import java.util.Map;

/**
 * A nested object as a client sent it: nothing, not an object at all, or its members (and the names of
 * those no field of the contract has, each an error: a typo must not drop data).
 */
public record SentObject(boolean sent, boolean isObject, List<String> unknownFields, Map<String, Sent> members) {

    public static final SentObject ABSENT = new SentObject(false, false, List.of(), Map.of());
    public static final SentObject NOT_AN_OBJECT = new SentObject(true, false, List.of(), Map.of());

    public SentObject {
        unknownFields = List.copyOf(unknownFields);
        members = Map.copyOf(members);
    }

    public static SentObject of(List<String> unknownFields, Map<String, Sent> members) {
        return new SentObject(true, true, unknownFields, members);
    }

    public Sent member(String name) {
        return members.getOrDefault(name, Sent.ABSENT);
    }
}
