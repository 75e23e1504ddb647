package dev.touchpoint.domain.invitation;

import dev.touchpoint.domain.feedback.DispatchChannel;
import dev.touchpoint.domain.interaction.InteractionEvent;
import dev.touchpoint.domain.interaction.ServiceInteraction;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Use case run by the processor for a service interaction: resolve the customer to their profile
 * (the interaction is news about them either way), find the survey it asks for or triggers, and
 * schedule one invitation, idempotent on the caller's event id. An event older than the survey's
 * {@code maxEventAge} (a CRM's backfill) is kept on the profile as an invitation dropped {@code too-old}
 * and schedules nothing: "how was your recent visit?" about a visit half a year ago is spam.
 */
public final class InvitationScheduler {

    public enum Outcome { SCHEDULED, ALREADY_SCHEDULED, NO_SURVEY, TOO_OLD }

    static final List<String> DEFAULT_CHANNELS = DispatchChannel.wireNames();

    private final IdentityResolver identities;
    private final SurveyCatalog surveys;
    private final InvitationRepository invitations;
    private final FunnelCounters funnel;

    public InvitationScheduler(IdentityResolver identities, SurveyCatalog surveys, InvitationRepository invitations,
                               FunnelCounters funnel) {
        this.identities = identities;
        this.surveys = surveys;
        this.invitations = invitations;
        this.funnel = funnel;
    }

    public Outcome schedule(InteractionEvent event) {
        ServiceInteraction interaction = event.interaction();
        String profileId = identities.resolve(interaction.customer(), event.receivedAt(), "interaction " + event.invitationId())
                .orElseThrow(() -> new IllegalStateException("an interaction always names its customer"));
        Optional<SurveyDefinition> survey = interaction.surveyId() != null
                ? surveys.byId(interaction.surveyId())
                : surveys.triggeredBy(interaction.type());
        if (survey.isEmpty()) {
            return Outcome.NO_SURVEY;
        }
        Optional<SurveyTrigger> trigger = survey.get().trigger();
        Duration delay = interaction.delay() != null ? interaction.delay() : trigger.map(SurveyTrigger::delay).orElse(Duration.ZERO);
        List<String> channels = interaction.channels() != null ? interaction.channels()
                : trigger.map(SurveyTrigger::channels).orElse(DEFAULT_CHANNELS);
        Instant dueAt = max(interaction.occurredAt().plus(delay), event.receivedAt());
        Instant expiresAt = dueAt.plus(survey.get().window());
        Invitation invitation = Invitation.scheduled(event.invitationId(), survey.get().id(), survey.get().version(), profileId,
                interaction.touchpoint(), interaction.type(), channels, dueAt, expiresAt, event.receivedAt());
        if (interaction.occurredAt().isBefore(event.receivedAt().minus(survey.get().maxEventAge()))) {
            return tooOld(invitation, survey.get(), event.receivedAt());
        }
        return invitations.schedule(invitation) ? Outcome.SCHEDULED : Outcome.ALREADY_SCHEDULED;
    }

    private Outcome tooOld(Invitation invitation, SurveyDefinition survey, Instant now) {
        String reason = DispatchReason.TOO_OLD.describe("the event is older than " + survey.maxEventAge().toDays() + " days");
        if (invitations.schedule(invitation.dropped(reason))) {
            funnel.add(AggregateKey.of(now, invitation.channels().get(0), invitation.touchpoint(), invitation.surveyId()),
                    FunnelCounters.dropped(DispatchReason.TOO_OLD.code()));
        }
        return Outcome.TOO_OLD;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
