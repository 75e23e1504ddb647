package dev.touchpoint.domain.conversation;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /**
     * Twilio signs the URL as it was configured, and whether that named the scheme's default port is the
     * integrator's typing, not ours: like Twilio's own validators, the URL with its port, with the default
     * port added and with the port removed are each accepted.
     */
    public static boolean isTwilio(String authToken, String url, Map<String, String> parameters, String signature) {
        if (signature == null) {
            return false;
        }
        boolean valid = false;
        for (String form : twilioUrlForms(url)) {
            valid |= constantTimeEquals(twilio(authToken, form, parameters), signature.trim());
        }
        return valid;
    }

    static Set<String> twilioUrlForms(String url) {
        Set<String> forms = new LinkedHashSet<>(List.of(url));
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getRawAuthority() == null) {
                return forms;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String rest = url.substring(url.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
            String head = uri.getScheme() + "://" + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@") + uri.getHost();
            forms.add(head + rest);
            forms.add(head + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort()) + rest);
        } catch (URISyntaxException notAUrl) {
            return forms;
        }
        return forms;
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
