package dev.touchpoint.domain.text;

/**
 * Which text the platform takes. JSON can carry any UTF-16 code unit as an escape, but a lone surrogate
 * (U+DC00 alone, {@code "\\udc00"} in JSON) is no character at all: it has no UTF-8 form, so SQS refuses the message and
 * DynamoDB the item on every retry. Unicode's non-characters (U+FDD0–U+FDEF and the last two code
 * points of every plane: U+FFFE, U+FFFF, U+1FFFE…) are characters, but reserved for a program's
 * internal use and never meant for interchange.
 *
 * <ul>
 *   <li>Our API ({@link #isAcceptable}) refuses both, naming the field: an integrator can fix the input.</li>
 *   <li>A provider's message ({@link #isStorable}) is refused only for what cannot be stored at all: a
 *       customer's text that holds a non-character is kept exactly (the queue writes U+FFFE and U+FFFF
 *       as escapes, which SQS takes; DynamoDB takes them as they are).</li>
 * </ul>
 */
public final class StorableText {

    /** What a field that {@link #isAcceptable} refuses is told. */
    public static final String PROBLEM = "Holds a character that cannot be stored: a lone UTF-16 surrogate (such as \\udc00) "
            + "or a Unicode non-character (such as U+FFFF).";

    private StorableText() {
    }

    /** No lone surrogate: every store and queue can keep it. */
    public static boolean isStorable(String text) {
        return firstLoneSurrogate(text) < 0;
    }

    /** Storable and free of non-characters: what our API takes. */
    public static boolean isAcceptable(String text) {
        return isStorable(text) && text.codePoints().noneMatch(StorableText::isNonCharacter);
    }

    /** The index of the first surrogate without its partner, or −1 when there is none. */
    public static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }
}
