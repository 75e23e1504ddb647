package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.feedback.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a customer newly wrote in an email reply, whether they wrote above the quoted history
 * (top-posting: Gmail, Outlook, phones) or below it (bottom-posting: Thunderbird, mailing-list habits),
 * and the survey token of a {@code reply+<token>@…} address or a subject. The rules are in
 * docs/channels.md; the project's corpus of mail from each client is events/corpus/email/.
 *
 * <ul>
 *   <li>Quoted lines ({@code > …}) and attribution lines ("On … wrote:", "… tarihinde … şunu yazdı:",
 *       also when the client wrapped them over two lines) are history wherever they stand; unquoted
 *       text around them is the customer's.</li>
 *   <li>Clients that quote without marks start their history with a separator or a header block:
 *       "-----Original Message-----", "-----Özgün İleti-----", a line of underscores, or a run of
 *       "From:"/"Kimden:", "Sent:"/"Gönderildi:", "To:"/"Kime:", "Subject:"/"Konu:" headers. It and
 *       everything after it is history.</li>
 *   <li>A signature ("-- ") and the signatures phones add ("Sent from my iPhone", "iPhone'umdan
 *       gönderildi", "Get Outlook for iOS", "Android için Outlook'u edinin"…) end the new text.</li>
 * </ul>
 */
public final class EmailReplies {

    private static final Pattern TOKEN = Pattern.compile("reply\\+([a-z2-7]{52})@", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\b([a-z2-7]{52})\\b");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** "On Mon, 23 Nov 2026 at 10:20, Shop <…> wrote:", "Le … a écrit :" is not ours to read. */
    private static final List<Pattern> ATTRIBUTIONS = List.of(
            Pattern.compile("^(On|Am) .+ (wrote|schrieb)\\s*:\\s*$", FLAGS),
            Pattern.compile("^.+ (tarihinde|tarihinde,) .*(şunu )?yazdı\\s*:\\s*$", FLAGS),
            Pattern.compile("^.+ <[^>]+@[^>]+> (wrote|yazdı)\\s*:\\s*$", FLAGS));
    private static final Pattern VALEDICTION = Pattern.compile(
            "^(kind regards|best regards|warm regards|regards|best wishes|best|cheers|sincerely|yours sincerely|thanks and regards"
                    + "|saygılarımla|saygılar|iyi çalışmalar|sevgiler|selamlar|hürmetlerimle)[,.!]?$", FLAGS);
    /** How the first half of an attribution wrapped over two lines begins (or, cut inside the address, ends). */
    private static final Pattern ATTRIBUTION_START = Pattern.compile("^(On|Am) |\\btarihinde\\b|<\\s*$", FLAGS);
    /** Where an unmarked quote starts: everything from here on is history. */
    private static final List<Pattern> SEPARATORS = List.of(
            Pattern.compile("^-{2,}\\s*(Original Message|Özgün İleti|Orijinal Mesaj|Orijinal İleti|Orijinal ileti|Forwarded message|İletilen ileti)\\s*-{2,}\\s*$",
                    FLAGS),
            Pattern.compile("^_{10,}\\s*$"));
    private static final Pattern HEADER = Pattern.compile(
            "^\\*?(From|Kimden|Gönderen|Sent|Gönderildi|Gönderme Tarihi|Tarih|Date|To|Kime|Alıcı|Cc|Bilgi|Subject|Konu)\\*?\\s*:.*$", FLAGS);
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|Kimden|Gönderen)\\*?\\s*:.*$", FLAGS);
    private static final List<Pattern> SIGNATURES = List.of(
            Pattern.compile("^--\\s*$"),
            Pattern.compile("^Sent from my .+$", FLAGS),
            Pattern.compile("^Sent from (Mail|Outlook|Yahoo Mail|my mobile)( for .+)?$", FLAGS),
            Pattern.compile("^Get Outlook for (iOS|Android)\\s*$", FLAGS),
            Pattern.compile("^(iOS|Android) için Outlook'u edinin\\s*$", FLAGS),
            Pattern.compile("^.+('|’)(u|ü|i|ı)mdan gönderildi\\s*$", FLAGS),
            Pattern.compile("^.+ (cihazımdan|telefonumdan) gönderildi\\.?\\s*$", FLAGS),
            Pattern.compile("^Windows için Posta ile gönderildi\\s*$", FLAGS));

    private EmailReplies() {
    }

    public static Optional<String> tokenOf(List<String> recipients, String subject) {
        for (String recipient : recipients) {
            Matcher matcher = TOKEN.matcher(recipient);
            if (matcher.find()) {
                return Optional.of(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        if (subject != null) {
            Matcher matcher = SUBJECT_TOKEN.matcher(subject.toLowerCase(Locale.ROOT));
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * The most of a reply's own text that is kept: what one text answer holds. A message has no other
     * bound (SES takes mail of up to 40 MB), and a longer text would pass neither SQS's message limit
     * nor DynamoDB's item limit, so it would end in the DLQ instead of answering; the whole mail stays
     * in the inbound-mail bucket for its 30 days.
     */
    public static final int MAX_NEW_TEXT_LENGTH = Answer.MAX_TEXT_LENGTH;

    /**
     * The reply's own text: the lines that are neither quoted history nor an attribution, up to an
     * unmarked quote, each run ended by a signature; trimmed, and at most {@value #MAX_NEW_TEXT_LENGTH}
     * characters (never half of a character outside the BMP).
     */
    public static String newText(String body) {
        List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        List<String> kept = new ArrayList<>();
        boolean signed = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (SEPARATORS.stream().anyMatch(p -> p.matcher(line).matches()) || startsHeaderBlock(lines, i)) {
                break;
            }
            if (line.startsWith(">")) {
                signed = false; // a signature ends with the quote that follows it; text below the quote is new
                continue;
            }
            int attribution = isAttribution(line) ? 1
                    : i + 1 < lines.size() && ATTRIBUTION_START.matcher(line).find() && isAttribution(line + " " + lines.get(i + 1).strip())
                    ? 2 : 0; // an attribution the client wrapped over two lines
            if (attribution > 0) {
                if (!quoteFollows(lines, i + attribution)) {
                    break; // a client that quotes without "> " marks (Yahoo, some webmails): the rest is history
                }
                i += attribution - 1;
                continue;
            }
            if (SIGNATURES.stream().anyMatch(p -> p.matcher(line).matches())) {
                signed = true;
                continue;
            }
            if (!signed) {
                kept.add(lines.get(i));
            }
        }
        return atMost(withoutSignOff(kept).strip().replaceAll("\n{3,}", "\n\n"), MAX_NEW_TEXT_LENGTH);
    }

    /** Whether the first non-blank line from {@code from} on is quoted: the history under an attribution. */
    private static boolean quoteFollows(List<String> lines, int from) {
        return lines.stream().skip(from).map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.startsWith(">")).orElse(false);
    }

    /**
     * The text without a closing sign-off: "Kind regards," / "Saygılarımla," and the few short lines
     * of name and title under it, when nothing else follows. They are not what the customer thinks of us.
     */
    private static String withoutSignOff(List<String> kept) {
        for (int i = kept.size() - 1; i >= Math.max(0, kept.size() - 5); i--) {
            if (VALEDICTION.matcher(kept.get(i).strip()).matches()) {
                boolean shortTail = kept.subList(i + 1, kept.size()).stream().allMatch(l -> l.strip().length() <= 40);
                if (shortTail && i > 0) {
                    return String.join("\n", kept.subList(0, i));
                }
            }
        }
        return String.join("\n", kept);
    }

    private static boolean isAttribution(String line) {
        return ATTRIBUTIONS.stream().anyMatch(p -> p.matcher(line).matches());
    }

    /** A "From:"/"Kimden:" line followed within three lines by another header: Outlook's quoted header block. */
    private static boolean startsHeaderBlock(List<String> lines, int at) {
        if (!HEADER_FROM.matcher(lines.get(at).strip()).matches()) {
            return false;
        }
        for (int next = at + 1; next < Math.min(lines.size(), at + 4); next++) {
            if (HEADER.matcher(lines.get(next).strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String atMost(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(length)) ? length - 1 : length;
        return text.substring(0, end).strip();
    }
}
