package dev.touchpoint.processor.language;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.touchpoint.domain.profile.LanguageGuesser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The language of a customer's message by optimaize's language-detector: character n-gram profiles of
 * only the languages we write in (loading all 70 would cost a cold start for nothing, and a guess we
 * cannot answer in helps nobody). Short texts are where such guesses go wrong ("ok" reads as Turkish),
 * so a text needs {@value #LEAST_LETTERS} letters and a guess {@value #LEAST_PROBABILITY} probability.
 */
public final class NgramLanguageGuesser implements LanguageGuesser {

    static final int LEAST_LETTERS = 6;
    static final double LEAST_PROBABILITY = 0.9;

    private static final Map<Set<String>, LanguageGuesser> SHARED = new ConcurrentHashMap<>();

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

    private NgramLanguageGuesser(LanguageDetector detector) {
        this.detector = detector;
    }

    /**
     * One guesser per set of languages for the container, its profiles read on its first use (by a
     * message, or by priming), not when it is made.
     */
    public static LanguageGuesser shared(Collection<String> languages) {
        Set<String> key = Set.copyOf(languages);
        return text -> SHARED.computeIfAbsent(key, NgramLanguageGuesser::of).languageOf(text);
    }

    /** Reads the profiles of those of {@code languages} the library knows (ISO 639-1 codes) now. */
    public static LanguageGuesser of(Collection<String> languages) {
        Set<String> known = BuiltInLanguages.getLanguages().stream().map(LdLocale::getLanguage).collect(Collectors.toSet());
        List<String> loadable = languages.stream().filter(known::contains).distinct().sorted().toList();
        if (loadable.size() < 2) {
            return NONE; // one language or none: nothing to choose between
        }
        try {
            return new NgramLanguageGuesser(LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().read(loadable)).build());
        } catch (IOException e) {
            throw new UncheckedIOException("the language profiles ship inside the library's jar", e);
        }
    }

    @Override
    public Optional<String> languageOf(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).count() < LEAST_LETTERS) {
            return Optional.empty();
        }
        List<DetectedLanguage> guesses = detector.getProbabilities(texts.forText(text));
        return guesses.stream().findFirst().filter(best -> best.getProbability() >= LEAST_PROBABILITY)
                .map(best -> best.getLocale().getLanguage());
    }
}
