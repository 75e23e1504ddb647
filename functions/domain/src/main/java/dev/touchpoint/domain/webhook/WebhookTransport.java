package dev.touchpoint.domain.webhook;

import java.net.URI;
import java.util.Map;

/** Port: one HTTPS POST to a receiver. @return the status code; a network failure or timeout throws {@link WebhookFailedException} */
public interface WebhookTransport {

    int post(URI url, Map<String, String> headers, String body);
}
