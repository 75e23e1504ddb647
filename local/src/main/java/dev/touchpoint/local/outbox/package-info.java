/**
 * The local stand-in for SES and SNS (no engine for them runs without Docker): emails and SMS that
 * would have been sent, kept with every field and header and shown at {@code GET /_local/outbox}.
 * The senders implement the same ports as the SES and SNS adapters.
 */
package dev.touchpoint.local.outbox;
