package dev.touchpoint.local;

import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Twilio's and Meta's webhooks as the providers send them to a running local runtime: form or JSON
 * bodies signed with the secrets the runtime was started with.
 */
record ProviderWebhooks(LocalRuntime runtime, String twilioToken, String metaSecret) {

    static final String TWILIO_TOKEN = "twilio-test-auth-token";
    static final String META_SECRET = "meta-test-app-secret";
    static final String META_VERIFY_TOKEN = "meta-verify-me";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The variables that configure both providers with this helper's secrets. */
    static Map<String, String> environment() {
        return Map.of(Setting.TWILIO_AUTH_TOKEN.variable(), TWILIO_TOKEN, Setting.META_APP_SECRET.variable(), META_SECRET,
                Setting.META_VERIFY_TOKEN.variable(), META_VERIFY_TOKEN);
    }

    static ProviderWebhooks of(LocalRuntime runtime) {
        return new ProviderWebhooks(runtime, TWILIO_TOKEN, META_SECRET);
    }

    HttpResponse<String> twilio(Map<String, String> params) throws Exception {
        return twilio(params, runtime.config().publicUrl() + "/webhooks/twilio");
    }

    /** Signed for the URL Twilio was given, which may name the default port where ours does not. */
    HttpResponse<String> twilio(Map<String, String> params, String signedUrl) throws Exception {
        String signature = WebhookSignatures.twilio(twilioToken, signedUrl, params);
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/webhooks/twilio"))
                .header("content-type", "application/x-www-form-urlencoded").header("x-twilio-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> meta(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
                .header("content-type", "application/json")
                .header("x-hub-signature-256", WebhookSignatures.meta(metaSecret, json.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An incoming SMS as Twilio's Messaging webhook posts it (its parameters in the order Twilio sends them). */
    static Map<String, String> twilioSms(String sid, String from, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", "+15550100");
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX");
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    /** One WhatsApp Cloud API text message from a customer, as its webhook carries it. */
    static String whatsappText(String id, String from, String text) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "contacts":[{"profile":{"name":"Ayşe"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"%s","timestamp":"%d","text":{"body":"%s"},"type":"text"}]},
                  "field":"messages"}]}]}""".formatted(from, from, id, Instant.now().getEpochSecond(), text);
    }
}
