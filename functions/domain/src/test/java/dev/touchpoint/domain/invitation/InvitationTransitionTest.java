package dev.touchpoint.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The invitation's life as the repositories enforce it: what may change into what. */
class InvitationTransitionTest {

    @Test
    void onlyAPendingInvitation_isClaimedOrDeferred_andOnlyAClaimedOne_isMarkedSent() {
        assertEquals(EnumSet.of(InvitationStatus.PENDING), InvitationTransition.CLAIM.from());
        assertEquals(EnumSet.of(InvitationStatus.PENDING), InvitationTransition.DEFER.from());
        assertEquals(EnumSet.of(InvitationStatus.SENDING), InvitationTransition.MARK_SENT.from());
    }

    @Test
    void aSentOrAnsweredInvitation_isNeverDropped_norSentAgain() {
        for (InvitationStatus done : EnumSet.of(InvitationStatus.SENT, InvitationStatus.ANSWERED, InvitationStatus.DROPPED)) {
            for (InvitationTransition transition : InvitationTransition.values()) {
                assertFalse(transition.allows(done), transition + " from " + done);
            }
        }
    }
}
