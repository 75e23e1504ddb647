package dev.touchpoint.domain.response;

import dev.touchpoint.domain.webhook.OutgoingWebhooks;
import dev.touchpoint.domain.webhook.WebhookDelivery;

/**
 * What follows a response being recorded, from any channel: a detractor raises an alert, and every
 * change goes out on the outgoing webhooks. A response found already recorded (a redelivered message)
 * is announced again under the same delivery id, so an announcement lost to a failure between the
 * write and the queue is made good, and a receiver that drops ids it has seen gets it once.
 */
public final class ClosedLoop {

    private final DetractorAlerts alerts;
    private final OutgoingWebhooks webhooks;

    public ClosedLoop(DetractorAlerts alerts, OutgoingWebhooks webhooks) {
        this.alerts = alerts;
        this.webhooks = webhooks;
    }

    /** Holds a batch's detractor alerts to raise them together ({@link DetractorAlerts.Held}). */
    public DetractorAlerts.Held holdAlerts() {
        return alerts.held();
    }

    /** This closed loop with its alerts raised through {@code alerts} instead. */
    public ClosedLoop withAlerts(DetractorAlerts alerts) {
        return new ClosedLoop(alerts, webhooks);
    }

    public void recorded(ResponseRecord response) {
        alerts.check(response);
        webhooks.announce(WebhookDelivery.RECORDED, response.responseId(), "recorded");
    }

    public void recordedBefore(ResponseRecord response) {
        webhooks.announce(WebhookDelivery.RECORDED, response.responseId(), "recorded");
    }

    /** Answers a later message added to a response; {@code changeKey} is that message's idempotency key. */
    public void answersAdded(ResponseRecord added, String changeKey) {
        alerts.check(added);
        webhooks.announce(WebhookDelivery.UPDATED, added.responseId(), changeKey);
    }
}
