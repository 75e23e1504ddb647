package dev.touchpoint.domain.survey;

import java.util.Map;
import java.util.Set;

/** One text in every language of its survey, keyed by language code ({@code tr}, {@code en}). */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The text in {@code language}, else in the survey's default language (always present once validated). */
    public String in(String language, String defaultLanguage) {
        String text = byLanguage.get(language);
        return text != null ? text : byLanguage.get(defaultLanguage);
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }
}
