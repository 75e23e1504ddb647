package dev.touchpoint.domain.invitation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed survey tokens: the invitation id and an expiry, with a 96-bit HMAC-SHA256 tag, written in
 * lower-case base32 so that one token fits a URL and the local part of {@code reply+<token>@…}
 * (at most 64 characters, and some mail servers change its case). Forged, altered or expired
 * tokens are refused; whether a token was already answered is the response's business (one
 * invitation, one response).
 */
public final class SurveyTokens {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int TAG_BYTES = 12;
    private static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    public SurveyTokens(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a survey token key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    public static SurveyTokens fromText(String key) {
        return new SurveyTokens(key.getBytes(StandardCharsets.UTF_8));
    }

    public String issue(String invitationId, Instant expiresAt) {
        UUID id = UUID.fromString(invitationId);
        byte[] payload = ByteBuffer.allocate(20).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putInt((int) (expiresAt.getEpochSecond() / 60)).array();
        return base32(payload) + base32(tag(payload));
    }

    /** @return the invitation id of a genuine, unexpired token */
    public Optional<String> verify(String token, Instant now) {
        if (token == null || token.length() != 32 + 20) {
            return Optional.empty();
        }
        byte[] payload = unbase32(token.substring(0, 32).toLowerCase(Locale.ROOT), 20);
        byte[] tag = unbase32(token.substring(32).toLowerCase(Locale.ROOT), TAG_BYTES);
        if (payload == null || tag == null || !MessageDigest.isEqual(tag, tag(payload))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        Instant expiresAt = Instant.ofEpochSecond(Integer.toUnsignedLong(buffer.getInt()) * 60);
        return now.isAfter(expiresAt) ? Optional.empty() : Optional.of(id.toString());
    }

    private byte[] tag(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** RFC 4648 base32, lower case, no padding (20 bytes → 32 characters, 12 → 20 with the last bits zero). */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] unbase32(String text, int length) {
        byte[] out = new byte[length];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : text.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                if (index == length) {
                    return null;
                }
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return index == length && (buffer & ((1 << bits) - 1)) == 0 ? out : null;
    }
}
