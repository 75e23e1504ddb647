/**
 * Outgoing webhooks: every recorded response goes to the configured endpoints (a CRM, a helpdesk, a
 * chat tool), signed the Standard Webhooks way, retried with backoff, dead-lettered with a reason.
 * The processor announces ({@link dev.touchpoint.domain.webhook.OutgoingWebhooks}); webhook-sender
 * delivers ({@link dev.touchpoint.domain.webhook.delivery.WebhookDeliverer}).
 */
package dev.touchpoint.domain.webhook;
