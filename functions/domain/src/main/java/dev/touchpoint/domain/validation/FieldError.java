package dev.touchpoint.domain.validation;

import java.util.List;
import java.util.Set;

/**
 * One precise complaint about a submission: where ({@code pointer}, an RFC 6901 JSON pointer such as
 * {@code /answers/0/value}) and what is wrong with it, in words a client developer can act on.
 */
public record FieldError(String pointer, String detail) {

    /** Each of {@code names} an error at {@code at/<name>}: no field of the contract has it, so it would be dropped. */
    public static void rejectUnknown(List<String> names, String at, Set<String> known, List<FieldError> errors) {
        for (String name : names) {
            errors.add(new FieldError(at + "/" + escape(name),
                    "Unknown field; expected one of " + String.join(", ", known.stream().sorted().toList()) + "."));
        }
    }

    /** RFC 6901 escaping, and a cap so a hostile key cannot make the error itself huge. */
    public static String escape(String name) {
        String shortened = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return shortened.replace("~", "~0").replace("/", "~1");
    }
}
