package dev.touchpoint.ingest.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a MIME message, with Jakarta Mail: its first text/plain part, else its HTML as text
 * ({@link HtmlText}); and its subject and headers.
 *
 * <p>The message is read as a {@link MimeBodyPart}, which parses headers, transfer encodings and
 * multiparts as a {@code MimeMessage} does, without what only a message needs: a {@code Session}
 * (which finds the IMAP, POP3 and SMTP providers by reflection) and {@code MimeMessage}'s date format
 * (which loads the JDK's locale data). Together they were more than half of Jakarta Mail's first
 * message in a fresh JVM, 82 → 37 ms (docs/performance.md).
 */
final class MimeText {

    private MimeText() {
    }

    /** The message's plain text and subject, or empty when it is not a readable MIME message. */
    static Optional<Parsed> parse(byte[] raw) {
        try {
            MimeBodyPart message = new MimeBodyPart(new ByteArrayInputStream(raw));
            String text = find(message, "text/plain").orElseGet(() -> find(message, "text/html").map(HtmlText::of).orElse(""));
            return Optional.of(new Parsed(subject(message), text, headers(message), message.getContentType()));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every header by its name in lower case, values unfolded, in the order written. */
    private static Map<String, List<String>> headers(MimeBodyPart message) throws MessagingException {
        Map<String, List<String>> headers = new HashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(MimeUtility.unfold(header.getValue() == null ? "" : header.getValue()).strip());
        }
        return headers;
    }

    /** The subject decoded as {@code MimeMessage.getSubject} does: unfolded, its encoded words decoded, else as written. */
    private static String subject(MimeBodyPart message) throws MessagingException {
        String written = message.getHeader("Subject", null);
        if (written == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(written));
        } catch (UnsupportedEncodingException unknownCharset) {
            return written;
        }
    }

    /** @param contentType the message's own content type ({@code multipart/report} for a delivery report) */
    record Parsed(String subject, String text, Map<String, List<String>> headers, String contentType) {

        List<String> header(String lowerCaseName) {
            return headers.getOrDefault(lowerCaseName, List.of());
        }
    }

    private static Optional<String> find(Part part, String type) {
        try {
            if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return Optional.of(part.getContent().toString());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    Optional<String> found = find(child, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            return Optional.empty();
        }
    }
}
