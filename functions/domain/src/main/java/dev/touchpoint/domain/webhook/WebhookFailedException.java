package dev.touchpoint.domain.webhook;

/** A delivery that did not get a 2xx; the message names the endpoint and the status or failure, never the URL or body. */
public final class WebhookFailedException extends RuntimeException {

    public WebhookFailedException(String message) {
        super(message);
    }
}
