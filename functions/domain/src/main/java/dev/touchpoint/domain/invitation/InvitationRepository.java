package dev.touchpoint.domain.invitation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: invitations and the due queue. Every state change is conditional on the state read, so two
 * dispatchers never both send one invitation.
 */
public interface InvitationRepository {

    /** @return false when an invitation with this id exists already (a repeated interaction) */
    boolean schedule(Invitation invitation);

    /** Pending invitations due at or before {@code now}, oldest first, without scanning the table. */
    List<Invitation> due(Instant now, int limit);

    Optional<Invitation> load(String invitationId);

    /** PENDING → SENDING; false when another dispatcher claimed it (or it changed) first. */
    boolean claim(Invitation invitation, Instant now);

    /** The most recently sent invitation of these profiles still open for answers (sent or answered in part, not expired). */
    Optional<Invitation> latestOpen(Collection<String> profileIds, Instant now);

    /** Every invitation of these profiles, whatever became of it (sent, pending, deferred, dropped and why), oldest first. */
    List<Invitation> ofProfiles(Collection<String> profileIds);

    /**
     * SENDING → SENT, remembering the provider's message id so that its delivery reports find the
     * invitation; from now on it is answerable until {@code answerableUntil}.
     */
    void markSent(Invitation invitation, String channel, String providerMessageId, Instant at, Instant answerableUntil);

    /** PENDING or SENDING → DROPPED with the reason; leaves the due queue. */
    void drop(Invitation invitation, String reason, Instant at);

    /**
     * Erasure: the invitation forgets its person (the profile id and its timeline entry go; a pending one
     * is dropped {@code gone}) and keeps {@code recipientKeys}, the keyed hashes of the addresses it went
     * to, so that a one-click unsubscribe from its email can still be honoured.
     */
    void scrub(Invitation invitation, Set<String> recipientKeys, Instant at);

    /** The keyed hashes of the addresses an erased invitation went to ({@link #scrub}); empty for any other. */
    Set<String> recipientKeys(String invitationId);

    /** Stays PENDING, due again at {@code until}, with the reason it waits; false when it changed meanwhile. */
    boolean defer(Invitation invitation, Instant until, String reason);
}
