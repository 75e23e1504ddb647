package dev.touchpoint.domain.webhook.delivery;

import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.webhook.WebhookDelivery;

/** Port: the body one delivery posts, written from the response as it is now (JSON, in the wire module). */
@FunctionalInterface
public interface WebhookBody {

    String write(WebhookDelivery delivery, ResponseRecord response, boolean detractor);
}
