package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.feedback.AnswerType;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the score a customer typed at the start of a message, in the forms people write in Turkish and
 * English: "9", "9/10", "Puanım 8", "8 puan", "score: 7", "9️⃣", "(9)!". What follows the score is the
 * comment. A message that might mean two things ("9.5", "8-9", "8/5" on a 1–5 scale) is {@link Unclear}:
 * the customer is asked again and nothing is recorded, rather than a score or a comment being guessed.
 */
public final class ScoreReading {

    /** What a message says about the score asked for. */
    public sealed interface Reading permits Scored, OutOfScale, Unclear, NoScore {
    }

    /** A score on the scale, and what the customer wrote after it (possibly empty). */
    public record Scored(int value, String comment) implements Reading {
    }

    /** A plain number that is not on the scale: the customer is told the scale. */
    public record OutOfScale(int value) implements Reading {
    }

    /** A number that could be read more than one way: the customer is asked again, nothing is recorded. */
    public record Unclear(String why) implements Reading {
    }

    /** No score at the start: the whole text is a comment, if anything. */
    public record NoScore() implements Reading {
    }

    private static final String NUMBER = "(\\d{1,3})";
    /** Words before a score: "puanım 8", "puan: 8", "score: 7", "my score is 7", "I'd give it an 8", "notum 8". */
    private static final Pattern LABEL = Pattern.compile(
            "^(?:(?:my\\s+)?(?:score|rating|nps)(?:\\s+is)?|i(?:'d|’d|\\s+would)?\\s+give(?:\\s+(?:it|you))?(?:\\s+an?)?"
                    + "|puan(?:ım|im)?|not(?:um)?|skor(?:um)?)\\s*[:=\\-]?\\s*(?=\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words after a score: "8 puan", "8 puan veriyorum", "8 points", "8 pts". */
    private static final Pattern UNIT = Pattern.compile(
            "^\\s*(?:puan|points?|pts)\\b(?:\\s+(?:veriyorum|verdim|veririm|veriyoruz))?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "9/10", "9 / 10", "9 out of 10"; Turkish writes the scale first, "10 üzerinden 9" ({@link #OVER_FIRST}). */
    private static final Pattern OVER_SCALE = Pattern.compile(
            "^" + NUMBER + "\\s*(?:/|out\\s+of|of)\\s*" + NUMBER + "(?![\\d.,])", Pattern.CASE_INSENSITIVE);
    private static final Pattern OVER_FIRST = Pattern.compile(
            "^" + NUMBER + "\\s+üzerinden\\s+" + NUMBER + "(?![\\d.,])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "9.5", "9,5": not a whole score. */
    private static final Pattern DECIMAL = Pattern.compile("^" + NUMBER + "[.,]\\d");
    /** "8-9", "8 - 9", "8 ya da 9", "8 or 9", "8 ile 9": two scores. */
    private static final Pattern RANGE = Pattern.compile(
            "^" + NUMBER + "\\s*(?:-|–|—|ya\\s+da|veya|or|to|ile)\\s*" + NUMBER + "(?![\\d.,])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PLAIN = Pattern.compile("^" + NUMBER + "(?![\\d])");
    /** Punctuation, symbols and spaces people put around a number: "(9)", "*9*", "9!", "#9". */
    private static final Pattern LEADING_NOISE = Pattern.compile("^[\\s\\p{Ps}\\p{Pi}*#\"'“‘«:.\\-]+");
    private static final Pattern TRAILING_NOISE = Pattern.compile("^[\\s\\p{Pe}\\p{Pf}*!?.,;:\"'”’»)\\-–—]+");

    private ScoreReading() {
    }

    /** Reads {@code text} against the scale of {@code type} (a scored type). */
    public static Reading read(String text, AnswerType type) {
        String said = LEADING_NOISE.matcher(plainDigits(text)).replaceFirst("");
        said = LABEL.matcher(said).replaceFirst("");
        Matcher match;
        if (DECIMAL.matcher(said).find()) {
            return new Unclear("decimal");
        }
        if ((match = OVER_SCALE.matcher(said)).find()) {
            return overScale(Integer.parseInt(match.group(1)), Integer.parseInt(match.group(2)), type, said.substring(match.end()));
        }
        if ((match = OVER_FIRST.matcher(said)).find()) {
            return overScale(Integer.parseInt(match.group(2)), Integer.parseInt(match.group(1)), type, said.substring(match.end()));
        }
        if ((match = RANGE.matcher(said)).find() && !match.group(1).equals(match.group(2))) {
            return new Unclear("range");
        }
        if ((match = PLAIN.matcher(said)).find()) {
            return scored(Integer.parseInt(match.group(1)), type, UNIT.matcher(said.substring(match.end())).replaceFirst(""));
        }
        return new NoScore();
    }

    /** "9/10" on a 0–10 scale is 9; "4/5" on a 1–5 scale is 4; "8/5" or "4/10" on a 1–5 scale is unclear. */
    private static Reading overScale(int value, int top, AnswerType type, String rest) {
        if (top != type.max() || value > top) {
            return new Unclear("another scale");
        }
        return scored(value, type, rest);
    }

    private static Reading scored(int value, AnswerType type, String rest) {
        if (!type.accepts(value)) {
            return new OutOfScale(value);
        }
        return new Scored(value, TRAILING_NOISE.matcher(rest).replaceFirst("").strip());
    }

    /**
     * Keycap digits ("9️⃣": the digit, U+FE0F, U+20E3), the keycap ten "🔟", and full-width or other
     * scripts' digits as ASCII digits; the rest of the text stays as the customer wrote it.
     */
    static String plainDigits(String text) {
        String keycaps = text.replace("\uD83D\uDD1F", "10").replaceAll("([0-9])\\x{FE0F}?\\x{20E3}", "$1");
        StringBuilder out = new StringBuilder(keycaps.length());
        keycaps.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                out.append(Character.digit(c, 10));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
