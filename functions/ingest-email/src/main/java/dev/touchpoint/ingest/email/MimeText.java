package dev.touchpoint.ingest.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;

/** The text of a MIME message, with Jakarta Mail: its first text/plain part, else its HTML with the tags removed. */
final class MimeText {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeText() {
    }

    /** The message's plain text and subject, or empty when it is not a readable MIME message. */
    static Optional<Parsed> parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String text = find(message, "text/plain").orElseGet(() -> find(message, "text/html").map(MimeText::stripTags).orElse(""));
            return Optional.of(new Parsed(message.getSubject(), text));
        } catch (MessagingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    record Parsed(String subject, String text) {
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

    private static String stripTags(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "").replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
    }
}
