package dev.touchpoint.aws.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.MalformedJsonException;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.json.UnstorableText;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON request body with the checks every JSON route shares, in order: 415 for another media
 * type, 413 above the route's size limit, 400 for invalid Base64 or UTF-8, 400 for malformed JSON, and
 * 400 naming each field whose text could never be stored ({@link UnstorableText}): refused here, such
 * text would fail the queue or the table on every retry.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonNode read(HttpRequest request, int maxBytes) {
        return read(request, maxBytes, Set.of("application/json"));
    }

    /** The same, the JSON sent as any of {@code mediaTypes} (a browser's widget may send it as {@code text/plain}). */
    public static JsonNode read(HttpRequest request, int maxBytes, Set<String> mediaTypes) {
        JsonNode body = readDocument(request, maxBytes, mediaTypes);
        List<FieldError> unstorable = UnstorableText.in(body, "");
        if (!unstorable.isEmpty()) {
            throw new ProblemException(HttpResponses.invalid("The body holds text that cannot be stored.", unstorable,
                    request.path()));
        }
        return body;
    }

    /**
     * The same checks but the text check, for a body of independent parts (a batch of submissions) whose
     * caller checks each part's text itself and answers for each.
     */
    public static JsonNode readDocument(HttpRequest request, int maxBytes, Set<String> mediaTypes) {
        String path = request.path();
        if (!request.mediaType().map(mediaTypes::contains).orElse(false)) {
            throw new ProblemException(HttpResponses.problem(415, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as " + String.join(" or ", new TreeSet<>(mediaTypes)) + ".", path));
        }
        int size = request.bodySize();
        if (size > maxBytes) {
            throw new ProblemException(HttpResponses.problem(413, ProblemType.PAYLOAD_TOO_LARGE,
                    "This route accepts at most " + maxBytes + " bytes; the body has " + size + ".", path));
        }
        if (size < 0) {
            throw new ProblemException(HttpResponses.problem(400, ProblemType.INVALID_ENCODING,
                    "The body is marked Base64 but is not valid Base64.", path));
        }
        try {
            return StrictJson.read(request.bodyText());
        } catch (CharacterCodingException e) {
            throw new ProblemException(HttpResponses.problem(400, ProblemType.INVALID_ENCODING,
                    "The body is not valid UTF-8.", path));
        } catch (MalformedJsonException e) {
            throw new ProblemException(HttpResponses.problem(400, ProblemType.MALFORMED_JSON, e.getMessage(), path));
        }
    }
}
