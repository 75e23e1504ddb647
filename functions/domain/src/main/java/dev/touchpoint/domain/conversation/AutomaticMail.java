package dev.touchpoint.domain.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Whether a received mail was written by a machine — an out-of-office, an auto-responder, a list, a
 * delivery report — so that it is kept on the thread, never read for a score, and never answered
 * (RFC 3834: a responder must not answer automatic mail; answering is how mail loops start). Read by
 * its headers first, then by what vacation subjects say in Turkish and English.
 */
public final class AutomaticMail {

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "junk", "list", "auto_reply");
    private static final List<String> AUTORESPONDER_HEADERS = List.of("x-autoreply", "x-autorespond", "x-auto-response-suppress");
    private static final Pattern VACATION_SUBJECT = Pattern.compile(
            "(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office|away from (the )?office|on vacation"
                    + "|vacation (reply|response)|on leave|otomatik (yanıt|cevap|yanit)|ofis dışı|ofis dışında|ofis disinda"
                    + "|izindeyim|tatildeyim|yıllık izin)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DAEMON = Pattern.compile("^(mailer-daemon|postmaster|no-?reply|noreply)@", Pattern.CASE_INSENSITIVE);

    private AutomaticMail() {
    }

    /**
     * @param header      a header's values by its name, in lower case (empty when absent)
     * @param subject     the decoded subject, or null
     * @param contentType the message's own content type (a delivery report is {@code multipart/report})
     * @param from        the From address, or null
     * @return why the mail is automatic, or empty when a person wrote it
     */
    public static Optional<String> reason(Function<String, List<String>> header, String subject, String contentType, String from) {
        for (String value : header.apply("auto-submitted")) {
            if (!value.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
                return Optional.of("auto-submitted");
            }
        }
        for (String value : header.apply("precedence")) {
            if (AUTOMATIC_PRECEDENCE.contains(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of("precedence");
            }
        }
        for (String name : AUTORESPONDER_HEADERS) {
            if (!header.apply(name).isEmpty()) {
                return Optional.of(name);
            }
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.of("delivery-report");
        }
        if (from != null && DAEMON.matcher(from).find()) {
            return Optional.of("daemon");
        }
        if (subject != null && VACATION_SUBJECT.matcher(subject).find()) {
            return Optional.of("vacation-subject");
        }
        return Optional.empty();
    }

    /** A message to the {@code List-Unsubscribe} address: its subject is the word the mailto link sets. */
    public static boolean isUnsubscribeRequest(String subject) {
        return subject != null && subject.strip().replaceFirst("(?i)^(re|fwd?|ynt|ilt)\\s*:\\s*", "")
                .matches("(?iu)unsubscribe|abonelikten çık|abonelikten cik");
    }
}
