package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.identity.Provenance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a submission so that its retries are recognised. A caller's {@code externalId} is its name;
 * without one, the SHA-256 of its content written canonically ({@link SubmissionContent}) (which includes {@code submittedAt} when given).
 * Two identical submissions with neither an externalId nor a submittedAt are therefore one response:
 * clients that mean two should send either. An anonymous caller's keys live apart from the business's
 * ({@code feedback:widget:…}): a script holding the public widget key must not take an externalId the
 * CRM will send, which would make the CRM's response a "repeat" and drop it.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String forSubmission(FeedbackSubmission submission, SubmissionContent content) {
        Provenance provenance = submission.customer().provenance();
        String scope = provenance.isClaimed() ? "feedback:" + provenance.source() + ":" : "feedback:";
        if (submission.externalId() != null) {
            return scope + "external:" + submission.externalId();
        }
        return scope + "content:" + sha256Hex(content.canonical(submission));
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
