package dev.touchpoint.aws.apigateway;

import dev.touchpoint.contract.config.Setting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Checks the {@code x-api-key} header against the keys this deployment accepts, which are held only as
 * salted SHA-256 hashes: {@code TOUCHPOINT_API_KEY_HASHES}, entries {@code name:salt:hash} (base64url),
 * made by {@code java -jar touchpoint-local.jar --new-api-key <name>}. Several entries let a key be
 * rotated without downtime. A plain {@code TOUCHPOINT_API_KEY} (a secret, or the local runtime's key) is
 * hashed with a random salt at start, so no key is held in the clear either way. Every entry is checked,
 * each with {@link MessageDigest#isEqual}, so the time taken says nothing about which key or which byte
 * differed. Keys are random and long, so one SHA-256 round is enough; a password would need a slow hash.
 */
public final class ApiKeys {

    public static final String HEADER = "x-api-key";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** One accepted key: its name (for rotation), salt and salted hash. */
    public record SaltedKey(String name, byte[] salt, byte[] hash) {

        public String configurationEntry() {
            return name + ":" + ENCODER.encodeToString(salt) + ":" + ENCODER.encodeToString(hash);
        }

        boolean matches(String presented) {
            return MessageDigest.isEqual(hash, saltedHash(salt, presented));
        }
    }

    private final List<SaltedKey> keys;

    private ApiKeys(List<SaltedKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** @param plainKey a key from configuration, hashed at once; {@code hashes} the configured salted hashes */
    public static ApiKeys of(Optional<String> plainKey, Optional<String> hashes) {
        List<SaltedKey> keys = new ArrayList<>(parse(hashes.orElse("")));
        plainKey.filter(key -> !key.isBlank()).ifPresent(key -> keys.add(hash("configured", key)));
        return new ApiKeys(keys);
    }

    /** A new salted hash of a key, for configuration. */
    public static SaltedKey hash(String name, String key) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new SaltedKey(name, salt, saltedHash(salt, key));
    }

    /** A new random key: 32 bytes, base64url, prefixed so leaked keys are easy to search for. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "tp_" + ENCODER.encodeToString(key);
    }

    static List<SaltedKey> parse(String configuration) {
        List<SaltedKey> keys = new ArrayList<>();
        for (String entry : configuration.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":");
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("three parts");
                }
                keys.add(new SaltedKey(parts[0], DECODER.decode(parts[1]), DECODER.decode(parts[2])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(Setting.API_KEY_HASHES.variable() + ": each entry is name:salt:hash as --new-api-key prints it");
            }
        }
        return keys;
    }

    public boolean isConfigured() {
        return !keys.isEmpty();
    }

    public boolean accepts(HttpRequest request) {
        Optional<String> given = request.header(HEADER);
        if (given.isEmpty() || keys.isEmpty()) {
            return false;
        }
        boolean accepted = false;
        for (SaltedKey key : keys) {
            accepted |= key.matches(given.get());
        }
        return accepted;
    }

    private static byte[] saltedHash(byte[] salt, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
