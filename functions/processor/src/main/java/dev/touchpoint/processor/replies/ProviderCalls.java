package dev.touchpoint.processor.replies;

import java.net.http.HttpResponse;

/** What a provider's answer means for us: 2xx sent; anything else a failure whose status is named (never the body: it may echo the customer's text). */
final class ProviderCalls {

    private ProviderCalls() {
    }

    static void expectSuccess(String provider, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new ReplyFailedException(provider + " refused the reply with status " + response.statusCode());
        }
    }
}
