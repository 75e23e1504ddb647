/**
 * closed-loop: what follows a response, delivered from its own queue so a slow receiver never holds up
 * the pipeline — detractor alerts to the SNS topic, and outgoing webhooks POSTed, signed, to each
 * endpoint. A failure is retried with growing delays and, after the last attempt, parked in the DLQ
 * with its reason.
 */
package dev.touchpoint.closedloop;
