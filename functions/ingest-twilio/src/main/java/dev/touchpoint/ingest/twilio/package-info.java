/**
 * The ingest-twilio function: {@code POST /webhooks/twilio} for SMS and WhatsApp through Twilio. The
 * signature is verified before anything is read; the message is queued and answered with TwiML.
 */
package dev.touchpoint.ingest.twilio;
