package dev.touchpoint.domain.validation;

/**
 * One field as a client sent it, before it is checked: nothing, a text, a whole number, or something
 * else (an object, a list, true, 1.5). The checks name what is wrong with each; a reader of any format
 * (JSON, a CSV cell) only says which of these it got.
 */
public sealed interface Sent {

    Sent ABSENT = new Absent();

    static Sent text(String value) {
        return new Text(value);
    }

    /** An empty cell or a missing member is nothing sent. */
    static Sent textOrAbsent(String value) {
        return value == null || value.isEmpty() ? ABSENT : new Text(value);
    }

    default boolean isAbsent() {
        return this instanceof Absent;
    }

    /** Nothing, or null. */
    record Absent() implements Sent {
    }

    record Text(String value) implements Sent {
    }

    /** An integer that fits in a long; a larger one is {@link Other}. */
    record Whole(long value) implements Sent {
    }

    record Other() implements Sent {
    }
}
