/** Replies to customers through the provider they wrote through: Twilio's and Meta's send APIs, SNS for two-way SMS. */
package dev.touchpoint.processor.replies;
