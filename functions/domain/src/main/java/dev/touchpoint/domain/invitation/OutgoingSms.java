package dev.touchpoint.domain.invitation;

/** A survey SMS as it leaves: the E.164 recipient, the text, and the origination identity (number or sender id). */
public record OutgoingSms(String invitationId, String to, String body, String originationIdentity, String language) {
}
