package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.feedback.SubmissionReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a customer newly wrote in an email reply: the text above the quoted history and the
 * signature, in the forms English and Turkish mail clients write them ("On … wrote:", "… tarihinde …
 * şunu yazdı:", "-----Original Message-----", "-----Özgün İleti-----", "From:"/"Kimden:" headers, "> "
 * lines, "-- " signatures, "Sent from my iPhone", "iPhone'umdan gönderildi"); and the survey token of
 * a {@code reply+<token>@…} address or a subject.
 */
public final class EmailReplies {

    private static final Pattern TOKEN = Pattern.compile("reply\\+([a-z2-7]{52})@", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_TOKEN = Pattern.compile("\\b([a-z2-7]{52})\\b");
    private static final List<Pattern> HISTORY_STARTS = List.of(
            Pattern.compile("^On .+ wrote:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^.+ tarihinde .+ (şunu )?yazdı:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Pattern.compile("^-{2,}\\s*(Original Message|Özgün İleti|Orijinal Mesaj|Forwarded message|İletilen ileti)\\s*-{2,}\\s*$",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Pattern.compile("^(From|Kimden|Gönderen):\\s.+$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Pattern.compile("^_{10,}\\s*$"),
            Pattern.compile("^>.*$"));
    private static final List<Pattern> SIGNATURE_STARTS = List.of(
            Pattern.compile("^--\\s*$"),
            Pattern.compile("^Sent from my .+$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^.+('|’)(u|ü|i|ı)mdan gönderildi\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));

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
    public static final int MAX_NEW_TEXT_LENGTH = SubmissionReader.MAX_TEXT_LENGTH;

    /**
     * The reply's own text: lines up to the first quoted history or signature, trimmed, and at most
     * {@value #MAX_NEW_TEXT_LENGTH} characters (never half of a character outside the BMP).
     */
    public static String newText(String body) {
        List<String> kept = new ArrayList<>();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            String trimmed = line.strip();
            if (HISTORY_STARTS.stream().anyMatch(p -> p.matcher(trimmed).matches())
                    || SIGNATURE_STARTS.stream().anyMatch(p -> p.matcher(trimmed).matches())) {
                break;
            }
            kept.add(line);
        }
        return atMost(String.join("\n", kept).strip(), MAX_NEW_TEXT_LENGTH);
    }

    private static String atMost(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(length)) ? length - 1 : length;
        return text.substring(0, end).strip();
    }
}
