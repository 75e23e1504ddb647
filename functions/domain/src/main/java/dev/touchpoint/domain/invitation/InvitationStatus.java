package dev.touchpoint.domain.invitation;

/** PENDING (waiting to be due) → SENDING (claimed by one dispatcher) → SENT → ANSWERED; or DROPPED with a reason. */
public enum InvitationStatus { PENDING, SENDING, SENT, DROPPED, ANSWERED }
