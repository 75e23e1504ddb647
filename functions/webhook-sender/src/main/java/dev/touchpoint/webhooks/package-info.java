/**
 * webhook-sender: takes deliveries from the webhook queue and POSTs each, signed, to its endpoint;
 * a failure is retried with growing delays and, after the last attempt, parked in the webhook DLQ with
 * its reason.
 */
package dev.touchpoint.webhooks;
