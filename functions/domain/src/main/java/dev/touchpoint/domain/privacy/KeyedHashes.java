package dev.touchpoint.domain.privacy;

import dev.touchpoint.domain.identity.Identity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a secret of the deployment, each use under a label of its own: the same input
 * always gives the same output (so retries and redeliveries name the same item), but nobody without
 * the secret can compute it from what they know.
 *
 * <ul>
 *   <li>Response and invitation ids: a CRM that knows its own {@code externalId} or event id cannot
 *       compute the id of the response or invitation it led to, so an erased person's anonymous score
 *       cannot be linked back to its CRM record.</li>
 *   <li>Suppression keys: an erased person's opt-outs are kept under the keyed hash of each of their
 *       identifiers, never the identifier itself.</li>
 * </ul>
 */
public final class KeyedHashes {

    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public KeyedHashes(byte[] secret) {
        if (secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a deployment secret needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public static KeyedHashes fromText(String secret) {
        return new KeyedHashes(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The response id of a submission's idempotency key. */
    public String responseId(String idempotencyKey) {
        return uuid("response-id", idempotencyKey);
    }

    /** The invitation id of a caller's service event id. */
    public String invitationId(String interactionId) {
        return uuid("invitation-id", interactionId);
    }

    /** The key an identifier's kept consent is stored under. */
    public String suppressionKey(Identity identity) {
        return HexFormat.of().formatHex(mac("suppression", identity.key()));
    }

    /** The first 128 bits of the HMAC, as a UUID of version 8 (custom) and the RFC 4122 variant. */
    private String uuid(String label, String input) {
        ByteBuffer bits = ByteBuffer.wrap(mac(label, input));
        long high = (bits.getLong() & ~0xF000L) | 0x8000L;
        long low = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private byte[] mac(String label, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
