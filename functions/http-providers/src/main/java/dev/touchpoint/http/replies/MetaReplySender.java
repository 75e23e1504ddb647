package dev.touchpoint.http.replies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends a reply through Meta's Graph API: WhatsApp Cloud ({@code POST /{phone-number-id}/messages},
 * a text message) or Messenger ({@code POST /me/messages}, a RESPONSE to the customer's message).
 */
public final class MetaReplySender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String graphUrl;
    private final String accessToken;
    private final String phoneNumberId;

    public MetaReplySender(String graphUrl, String accessToken, String phoneNumberId) {
        this.graphUrl = graphUrl;
        this.accessToken = accessToken;
        this.phoneNumberId = phoneNumberId;
    }

    /**
     * WhatsApp answers {@code {"messages":[{"id":"wamid…"}]}}, Messenger {@code {"message_id":"m_…"}}; an
     * error {@code {"error":{"code":131047,"error_subcode":…}}}.
     */
    public SendOutcome send(String channel, String recipient, String text) {
        ObjectNode body = StrictJson.object();
        String path;
        if (channel.equals("whatsapp")) {
            path = "/" + phoneNumberId + "/messages";
            body.put("messaging_product", "whatsapp").put("recipient_type", "individual")
                    // A number goes in "to"; a business-scoped user id ("TR.1234…", never all digits) in "recipient".
                    .put(recipient.contains(".") ? "recipient" : "to", recipient).put("type", "text");
            body.putObject("text").put("body", text);
        } else {
            path = "/me/messages";
            body.putObject("recipient").put("id", recipient);
            body.put("messaging_type", "RESPONSE");
            body.putObject("message").put("text", text);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(graphUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .header("authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(StrictJson.write(body)))
                .build();
        try {
            return ProviderCalls.outcome(ReplyProvider.META.wireName(), "Meta", http.send(request, HttpResponse.BodyHandlers.ofString()),
                    answer -> ProviderCalls.text(answer.has("messages") ? answer.path("messages").path(0).get("id") : answer.get("message_id")),
                    MetaReplySender::errorCode);
        } catch (IOException e) {
            throw new ReplyFailedException("Meta unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplyFailedException("interrupted");
        }
    }

    /** Meta's code, with its subcode when it gives one ({@code 10/2018278}): some codes mean many things. */
    private static String errorCode(JsonNode body) {
        JsonNode error = body.path("error");
        String code = ProviderCalls.text(error.get("code"));
        String subcode = ProviderCalls.text(error.get("error_subcode"));
        return code == null ? null : subcode == null ? code : code + "/" + subcode;
    }
}
