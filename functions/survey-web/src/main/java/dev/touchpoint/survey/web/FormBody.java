package dev.touchpoint.survey.web;

import dev.touchpoint.aws.apigateway.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An {@code application/x-www-form-urlencoded} body, as a browser posts a form; the first value of a repeated name wins. */
final class FormBody {

    static final int MAX_BYTES = 32 * 1024;

    private FormBody() {
    }

    /** The answers of a survey form: fields {@code q_<questionId>}, by question id. */
    static Map<String, String> answers(Map<String, String> fields) {
        Map<String, String> answers = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("q_")) {
                answers.put(name.substring(2), value);
            }
        });
        return answers;
    }

    /** @return the fields, or empty when the body is no form, too large or not UTF-8 */
    static Optional<Map<String, String>> read(HttpRequest request) {
        if (!request.mediaType().map("application/x-www-form-urlencoded"::equals).orElse(false)
                || request.bodySize() < 0 || request.bodySize() > MAX_BYTES) {
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
