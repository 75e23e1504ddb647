package dev.touchpoint.domain.delivery;

import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.profile.ProfileRepository;
import java.util.Locale;
import java.util.Optional;

/**
 * Use case run by delivery-events: a bounce or complaint suppresses the channel on the customer's
 * profile (the dispatcher never sends there again); delivered, opened and clicked count once each in
 * the funnel of the invitation's channel and survey.
 */
public final class DeliveryTracker {

    public enum Outcome { COUNTED, SUPPRESSED, REPEATED, IGNORED }

    private final InvitationRepository invitations;
    private final ProfileRepository profiles;
    private final DeliveryLedger ledger;
    private final IdentityNormalizer normalizer;

    public DeliveryTracker(InvitationRepository invitations, ProfileRepository profiles, DeliveryLedger ledger,
                           IdentityNormalizer normalizer) {
        this.invitations = invitations;
        this.profiles = profiles;
        this.ledger = ledger;
        this.normalizer = normalizer;
    }

    public Outcome track(DeliveryEvent event) {
        Optional<Invitation> invitation = Optional.ofNullable(event.invitationId())
                .or(() -> Optional.ofNullable(event.providerMessageId()).flatMap(ledger::invitationOfMessage))
                .flatMap(invitations::load);
        return switch (event.kind()) {
            case BOUNCED, COMPLAINED -> suppress(event, invitation);
            case DELIVERED -> count(event, invitation, FunnelCounters.DELIVERED);
            case OPENED -> count(event, invitation, FunnelCounters.OPENED);
            case CLICKED -> count(event, invitation, FunnelCounters.CLICKED);
            case FAILED, OTHER -> Outcome.IGNORED;
        };
    }

    private Outcome count(DeliveryEvent event, Optional<Invitation> invitation, String counter) {
        if (invitation.isEmpty() || event.providerMessageId() == null) {
            return Outcome.IGNORED;
        }
        AggregateKey cell = AggregateKey.of(event.occurredAt(), event.channel(), invitation.get().touchpoint(),
                invitation.get().surveyId());
        return ledger.countOnce(event.providerMessageId(), event.kind(), cell, counter) ? Outcome.COUNTED : Outcome.REPEATED;
    }

    /** The invitation names the profile; without one, the bounced address does. */
    private Outcome suppress(DeliveryEvent event, Optional<Invitation> invitation) {
        Optional<String> profileId = invitation.map(Invitation::profileId)
                .or(() -> Optional.ofNullable(event.recipient()).flatMap(normalizer::email).flatMap(profiles::profileIdOf));
        if (profileId.isEmpty()) {
            return Outcome.IGNORED;
        }
        profiles.suppress(profileId.get(), event.channel(), event.kind().name().toLowerCase(Locale.ROOT)
                + (event.detail() == null ? "" : ": " + event.detail()), event.occurredAt());
        return Outcome.SUPPRESSED;
    }
}
