package dev.touchpoint.http.replies;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.conversation.ProviderRefusals;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
import java.util.function.Function;

/**
 * What a provider's answer means for us: 2xx sent, with the message id the provider gives; a refusal
 * whose code {@link ProviderRefusals} knows to be about the recipient, for good, is {@link SendOutcome.Refused};
 * anything else (throttling, the provider's own failure, our configuration) throws, so the message is
 * retried and, if it never succeeds, parked with its reason. Only the status and the code are named,
 * never the body: it may echo the customer's text.
 */
public final class ProviderCalls {

    private ProviderCalls() {
    }

    /**
     * @param messageId where the provider's success body keeps the message id
     * @param errorCode where its error body keeps the error code
     */
    static SendOutcome outcome(String provider, String providerName, HttpResponse<String> response,
                               Function<JsonNode, String> messageId, Function<JsonNode, String> errorCode) {
        JsonNode body = readable(response.body());
        if (response.statusCode() / 100 == 2) {
            return new SendOutcome.Sent(body == null ? null : messageId.apply(body));
        }
        String code = body == null ? null : errorCode.apply(body);
        ProviderRefusals.Meaning meaning = ProviderRefusals.of(provider, code);
        if (meaning.permanent() && response.statusCode() != 429) {
            return new SendOutcome.Refused(code, meaning.reason(), meaning.optedOut());
        }
        throw new ReplyFailedException(providerName + " refused the reply with status " + response.statusCode()
                + (code == null ? "" : " and code " + code));
    }

    private static JsonNode readable(String body) {
        try {
            return body == null || body.isBlank() ? null : StrictJson.read(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** A JSON text or number field as text, or null. */
    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
