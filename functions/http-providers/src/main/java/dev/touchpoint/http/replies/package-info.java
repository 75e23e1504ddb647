/**
 * Replies sent through the messaging providers' HTTP APIs: Twilio's Messages API (SMS, WhatsApp) and
 * Meta's Graph API (WhatsApp, Messenger), each answer read into a {@code SendOutcome}.
 */
package dev.touchpoint.http.replies;
