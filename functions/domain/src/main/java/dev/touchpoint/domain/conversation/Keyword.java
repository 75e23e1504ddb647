package dev.touchpoint.domain.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The keywords every SMS-like channel honours, whatever the case or the phone's locale: STOP,
 * STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT and the Turkish RET and İPTAL opt out; START and UNSTOP opt
 * back in; HELP asks for help. Only a message that is the keyword alone counts ("stop." does; "don't
 * stop" does not).
 */
public enum Keyword {
    OPT_OUT, OPT_IN, HELP;

    private static final Map<String, Keyword> WORDS = Map.ofEntries(
            Map.entry("STOP", OPT_OUT), Map.entry("STOPALL", OPT_OUT), Map.entry("UNSUBSCRIBE", OPT_OUT),
            Map.entry("CANCEL", OPT_OUT), Map.entry("END", OPT_OUT), Map.entry("QUIT", OPT_OUT),
            Map.entry("RET", OPT_OUT), Map.entry("IPTAL", OPT_OUT),
            Map.entry("START", OPT_IN), Map.entry("UNSTOP", OPT_IN),
            Map.entry("HELP", HELP));

    public static Optional<Keyword> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(WORDS.get(fold(text)));
    }

    /**
     * Upper case without the default locale, dotted and dotless i folded to I (İPTAL, iptal, IPTAL and
     * ıptal are one word), accents and punctuation around the word dropped.
     */
    static String fold(String text) {
        String folded = text.strip().replace('İ', 'I').replace('ı', 'i').toUpperCase(Locale.ROOT);
        folded = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
    }
}
