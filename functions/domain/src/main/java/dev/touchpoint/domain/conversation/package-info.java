/**
 * Conversations on messaging channels (SMS, WhatsApp, Messenger, email replies): keywords and consent,
 * the customer's open invitation whatever channel it went out on, and one thread across channels.
 */
package dev.touchpoint.domain.conversation;
