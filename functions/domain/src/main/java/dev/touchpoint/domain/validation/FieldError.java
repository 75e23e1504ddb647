package dev.touchpoint.domain.validation;

/**
 * One precise complaint about a submission: where ({@code pointer}, an RFC 6901 JSON pointer such as
 * {@code /answers/0/value}) and what is wrong with it, in words a client developer can act on.
 */
public record FieldError(String pointer, String detail) {

    /** RFC 6901 escaping, and a cap so a hostile key cannot make the error itself huge. */
    public static String escape(String name) {
        String shortened = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return shortened.replace("~", "~0").replace("/", "~1");
    }
}
