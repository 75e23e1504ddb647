package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.invitation.InvitationStatus;
import dev.touchpoint.domain.invitation.InvitationTransition;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Invitations in memory, with the DynamoDB adapter's conditions: each state change holds only from the
 * state it expects and otherwise changes nothing. {@code InvitationLifecycleIT} holds the real adapter
 * to the same rules.
 */
public final class InMemoryInvitations implements InvitationRepository {

    private final Map<String, Invitation> invitations = new HashMap<>();
    private final Map<String, String> invitationOfMessage = new HashMap<>();
    private final Map<String, Set<String>> recipientKeys = new HashMap<>();

    @Override
    public synchronized boolean schedule(Invitation invitation) {
        return invitations.putIfAbsent(invitation.id(), invitation) == null;
    }

    @Override
    public synchronized List<Invitation> due(Instant now, int limit) {
        return invitations.values().stream().filter(i -> i.status() == InvitationStatus.PENDING && !i.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Invitation::dueAt)).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Invitation> load(String invitationId) {
        return Optional.ofNullable(invitations.get(invitationId));
    }

    @Override
    public synchronized boolean claim(Invitation invitation, Instant now) {
        return change(invitation, InvitationTransition.CLAIM, with(invitation, InvitationTransition.CLAIM.to(), invitation.reason()));
    }

    @Override
    public synchronized Optional<Invitation> latestOpen(Collection<String> profileIds, Instant now) {
        return invitations.values().stream().filter(i -> profileIds.contains(i.profileId()))
                .filter(i -> i.status() == InvitationStatus.SENT || i.status() == InvitationStatus.ANSWERED)
                .filter(i -> i.expiresAt() == null || i.expiresAt().isAfter(now))
                .max(Comparator.comparing(Invitation::sentAt));
    }

    @Override
    public synchronized List<Invitation> ofProfiles(Collection<String> profileIds) {
        return invitations.values().stream().filter(i -> profileIds.contains(i.profileId()))
                .sorted(Comparator.comparing(Invitation::timelineAt)).toList();
    }

    @Override
    public synchronized void markSent(Invitation invitation, String channel, String providerMessageId, Instant at,
                                      Instant answerableUntil) {
        Invitation sent = new Invitation(invitation.id(), invitation.surveyId(), invitation.surveyVersion(), invitation.profileId(),
                invitation.touchpoint(), invitation.interactionType(), invitation.channels(), invitation.dueAt(), answerableUntil,
                InvitationTransition.MARK_SENT.to(), invitation.createdAt(), channel, at, null);
        if (change(invitation, InvitationTransition.MARK_SENT, sent)) {
            invitationOfMessage.put(providerMessageId, invitation.id());
        }
    }

    @Override
    public synchronized void drop(Invitation invitation, String reason, Instant at) {
        Invitation stored = invitations.get(invitation.id());
        if (stored != null && InvitationTransition.DROP.allows(stored.status())) {
            invitations.put(stored.id(), with(stored, InvitationTransition.DROP.to(), reason));
        }
    }

    @Override
    public synchronized void scrub(Invitation invitation, Set<String> keys, Instant at) {
        Invitation stored = invitations.get(invitation.id());
        InvitationStatus status = stored.status() == InvitationStatus.PENDING ? InvitationStatus.DROPPED : stored.status();
        invitations.put(stored.id(), new Invitation(stored.id(), stored.surveyId(), stored.surveyVersion(), null, stored.touchpoint(),
                stored.interactionType(), stored.channels(), stored.dueAt(), stored.expiresAt(), status, stored.createdAt(),
                stored.sentChannel(), stored.sentAt(), status == stored.status() ? stored.reason() : "gone"));
        recipientKeys.put(stored.id(), Set.copyOf(keys));
    }

    @Override
    public synchronized Set<String> recipientKeys(String invitationId) {
        return recipientKeys.getOrDefault(invitationId, Set.of());
    }

    @Override
    public synchronized boolean defer(Invitation invitation, Instant until, String reason) {
        Invitation deferred = new Invitation(invitation.id(), invitation.surveyId(), invitation.surveyVersion(), invitation.profileId(),
                invitation.touchpoint(), invitation.interactionType(), invitation.channels(), until, invitation.expiresAt(),
                InvitationTransition.DEFER.to(), invitation.createdAt(), null, null, reason);
        return change(invitation, InvitationTransition.DEFER, deferred);
    }

    /** The invitation a provider's message id was sent as (what the table's MESSAGE item links). */
    synchronized Optional<String> invitationOfMessage(String providerMessageId) {
        return Optional.ofNullable(invitationOfMessage.get(providerMessageId));
    }

    /** As the adapter's condition: only from the transition's states, and (but for MARK_SENT) only while still due when read. */
    private boolean change(Invitation expected, InvitationTransition transition, Invitation to) {
        Invitation stored = invitations.get(expected.id());
        boolean asRead = transition == InvitationTransition.MARK_SENT || stored != null && stored.dueAt().equals(expected.dueAt());
        if (stored == null || !transition.allows(stored.status()) || !asRead) {
            return false;
        }
        invitations.put(stored.id(), to);
        return true;
    }

    private static Invitation with(Invitation i, InvitationStatus status, String reason) {
        return new Invitation(i.id(), i.surveyId(), i.surveyVersion(), i.profileId(), i.touchpoint(), i.interactionType(), i.channels(),
                i.dueAt(), i.expiresAt(), status, i.createdAt(), i.sentChannel(), i.sentAt(), reason);
    }
}
