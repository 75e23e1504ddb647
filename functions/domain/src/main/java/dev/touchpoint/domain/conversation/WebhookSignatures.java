package dev.touchpoint.domain.conversation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The providers' webhook signatures, computed exactly as they specify and compared in constant time.
 * <ul>
 *   <li>Twilio {@code X-Twilio-Signature}: Base64 of HMAC-SHA1 (auth token) over the full public URL
 *       followed by every POST parameter sorted by name, each name immediately followed by its value.</li>
 *   <li>Meta {@code X-Hub-Signature-256}: {@code sha256=} and the hex HMAC-SHA256 (app secret) of the raw body.</li>
 * </ul>
 */
public final class WebhookSignatures {

    private WebhookSignatures() {
    }

    public static String twilio(String authToken, String url, Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean isTwilio(String authToken, String url, Map<String, String> parameters, String signature) {
        return signature != null && constantTimeEquals(twilio(authToken, url, parameters), signature.trim());
    }

    public static String meta(String appSecret, byte[] rawBody) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, rawBody));
    }

    public static boolean isMeta(String appSecret, byte[] rawBody, String signature) {
        return signature != null && constantTimeEquals(meta(appSecret, rawBody), signature.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
