package dev.touchpoint.aws.apigateway;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body (browser forms, Twilio webhooks); the first value of a repeated name wins. */
public final class FormFields {

    private FormFields() {
    }

    /** @return the fields, or empty when the body is no form, larger than {@code maxBytes} or not UTF-8 */
    public static Optional<Map<String, String>> read(HttpRequest request, int maxBytes) {
        if (!request.mediaType().map("application/x-www-form-urlencoded"::equals).orElse(false)
                || request.bodySize() < 0 || request.bodySize() > maxBytes) {
            return Optional.empty();
        }
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : request.bodyText().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
            return Optional.of(fields);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
