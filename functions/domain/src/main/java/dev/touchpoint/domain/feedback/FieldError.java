package dev.touchpoint.domain.feedback;

/**
 * One precise complaint about a submission: where ({@code pointer}, an RFC 6901 JSON pointer such as
 * {@code /answers/0/value}) and what is wrong with it, in words a client developer can act on.
 */
public record FieldError(String pointer, String detail) {
}
