package dev.touchpoint.aws.apigateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Checks the {@code x-api-key} header. Only a SHA-256 of the configured key is kept in memory, and
 * digests are compared with {@link MessageDigest#isEqual}, which takes the same time wherever the
 * first difference lies; hashing first also hides the key's length.
 */
public final class ApiKeys {

    public static final String HEADER = "x-api-key";

    private final byte[] expectedDigest;

    private ApiKeys(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest;
    }

    /** @param configuredKey the key from configuration; empty when none is configured (every request is refused) */
    public static ApiKeys of(Optional<String> configuredKey) {
        return new ApiKeys(configuredKey.map(ApiKeys::digest).orElse(null));
    }

    public boolean isConfigured() {
        return expectedDigest != null;
    }

    public boolean accepts(HttpRequest request) {
        Optional<String> given = request.header(HEADER);
        return expectedDigest != null && given.isPresent() && MessageDigest.isEqual(expectedDigest, digest(given.get()));
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
