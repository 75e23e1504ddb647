package dev.touchpoint.wire.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.webhook.WebhookDelivery;
import dev.touchpoint.domain.webhook.delivery.WebhookBody;
import dev.touchpoint.wire.customer.ProfileJson;
import dev.touchpoint.wire.json.StrictJson;

/** What a receiver gets: {@code {"type","timestamp","data":{"response":{…},"detractor":…}}} (docs/webhooks.md). */
public final class WebhookBodyJson implements WebhookBody {

    @Override
    public String write(WebhookDelivery delivery, ResponseRecord response, boolean detractor) {
        ObjectNode root = StrictJson.object().put("type", delivery.type()).put("timestamp", delivery.occurredAt().toString());
        ObjectNode data = root.putObject("data");
        data.set("response", ProfileJson.response(response).put("profileId", response.profileId())
                .put("invitationId", response.invitationId()));
        data.put("detractor", detractor);
        return StrictJson.write(root);
    }
}
