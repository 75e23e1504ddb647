package dev.touchpoint.domain.profile;

import java.util.Optional;

/**
 * The language a customer's message is written in, among the languages we write in. Empty when the text
 * is too short or too mixed to tell ("9", "ok"): the customer's language then stays what it was.
 */
public interface LanguageGuesser {

    /** Guesses nothing: for functions that never read a customer's words. */
    LanguageGuesser NONE = text -> Optional.empty();

    /** @return an ISO 639-1 code ({@code tr}, {@code en}), or empty when unsure */
    Optional<String> languageOf(String text);
}
