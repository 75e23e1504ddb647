package dev.touchpoint.domain.invitation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every change an invitation's status may make, from the states it may start in. A repository applies
 * each as the condition of its write, so two dispatchers never both send one invitation and an erased
 * or answered one is never sent: a write whose invitation is no longer in a {@link #from()} state
 * changes nothing.
 */
public enum InvitationTransition {
    /** A dispatcher takes a due invitation to send it. */
    CLAIM(EnumSet.of(InvitationStatus.PENDING), InvitationStatus.SENDING),
    /** The provider took the message. */
    MARK_SENT(EnumSet.of(InvitationStatus.SENDING), InvitationStatus.SENT),
    /** Dropped with a reason: consent, cooldown, a provider's failure, its person erased… */
    DROP(EnumSet.of(InvitationStatus.PENDING, InvitationStatus.SENDING), InvitationStatus.DROPPED),
    /** Due again later (quiet hours, the day's cap): it stays pending. */
    DEFER(EnumSet.of(InvitationStatus.PENDING), InvitationStatus.PENDING);

    private final Set<InvitationStatus> from;
    private final InvitationStatus to;

    InvitationTransition(Set<InvitationStatus> from, InvitationStatus to) {
        this.from = Set.copyOf(from);
        this.to = to;
    }

    /** The states the change may start in, in the order of {@link InvitationStatus}. */
    public Set<InvitationStatus> from() {
        return EnumSet.copyOf(from);
    }

    public InvitationStatus to() {
        return to;
    }

    public boolean allows(InvitationStatus current) {
        return from.contains(current);
    }
}
