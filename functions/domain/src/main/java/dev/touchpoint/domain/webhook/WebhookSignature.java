package dev.touchpoint.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com), so receivers can verify with that project's
 * libraries: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">}.
 * A secret written {@code whsec_<base64>} is those decoded bytes, as the standard has it; any other
 * secret is used as its UTF-8 bytes.
 */
public final class WebhookSignature {

    private final byte[] key;

    private WebhookSignature(byte[] key) {
        this.key = key.clone();
    }

    public static WebhookSignature fromSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("the webhook signing secret is empty");
        }
        if (secret.startsWith("whsec_")) {
            return new WebhookSignature(Base64.getDecoder().decode(secret.substring("whsec_".length())));
        }
        return new WebhookSignature(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String sign(String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] tag = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
