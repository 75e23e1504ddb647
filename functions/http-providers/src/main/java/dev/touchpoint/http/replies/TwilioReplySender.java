package dev.touchpoint.http.replies;

import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.conversation.SendOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends a reply through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded, basic auth), from our SMS number or our {@code whatsapp:} sender.
 */
public final class TwilioReplySender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final String accountSid;
    private final String authToken;
    private final String smsFrom;
    private final String whatsappFrom;
    private final String statusCallback;

    public TwilioReplySender(String apiUrl, String accountSid, String authToken, String smsFrom, String whatsappFrom, String statusCallback) {
        this.apiUrl = apiUrl;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.smsFrom = smsFrom;
        this.whatsappFrom = whatsappFrom;
        this.statusCallback = statusCallback;
    }

    /** Twilio answers {@code {"sid":"SM…",…}}, or an error {@code {"code":21610,"message":…,"status":400}}. */
    public SendOutcome send(String channel, String recipient, String text) {
        boolean whatsapp = channel.equals("whatsapp");
        String to = whatsapp ? "whatsapp:" + (recipient.startsWith("+") ? recipient : "+" + recipient) : recipient;
        String form = "To=" + encode(to) + "&From=" + encode(whatsapp ? whatsappFrom : smsFrom) + "&Body=" + encode(text)
                // Twilio posts the message's delivered/undelivered/read news here; ingest-twilio records it on the thread.
                + (statusCallback.isEmpty() ? "" : "&StatusCallback=" + encode(statusCallback));
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/2010-04-01/Accounts/" + accountSid + "/Messages.json"))
                .timeout(Duration.ofSeconds(10))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return ProviderCalls.outcome(ReplyProvider.TWILIO.wireName(), "Twilio", send(request), answer -> ProviderCalls.text(answer.get("sid")),
                answer -> ProviderCalls.text(answer.get("code")));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ReplyFailedException("Twilio unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplyFailedException("interrupted");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
