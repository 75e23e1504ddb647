package dev.touchpoint.survey.web;

import dev.touchpoint.aws.apigateway.FormFields;
import dev.touchpoint.aws.apigateway.HttpRequest;
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
        return FormFields.read(request, MAX_BYTES);
    }
}
