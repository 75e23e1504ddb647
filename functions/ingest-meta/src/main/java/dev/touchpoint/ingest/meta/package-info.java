/**
 * The ingest-meta function: WhatsApp Cloud API ({@code /webhooks/whatsapp}) and Messenger
 * ({@code /webhooks/messenger}) — the verification handshake, signed deliveries, every entry and change.
 */
package dev.touchpoint.ingest.meta;
