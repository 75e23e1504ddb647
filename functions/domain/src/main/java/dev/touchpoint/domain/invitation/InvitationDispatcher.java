package dev.touchpoint.domain.invitation;

import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Use case run every minute: takes the invitations now due and, for each, applies the
 * {@link DispatchPolicy} and acts on it. A send happens only after this dispatcher has claimed the
 * invitation (PENDING → SENDING, conditional), so two dispatchers running at once send it once.
 * Delivery is at most once: if the provider call fails, the invitation is dropped with the reason
 * rather than risk a second email or SMS to the customer.
 */
public final class InvitationDispatcher {

    /** What one run did. */
    public record Report(int sent, int deferred, int dropped, int skipped) {
    }

    private static final int BATCH = 100;

    private final InvitationRepository invitations;
    private final ProfileRepository profiles;
    private final SurveyCatalog surveys;
    private final DispatchPolicy policy;
    private final InvitationMessages messages;
    private final SurveyTokens tokens;
    private final EmailSender email;
    private final SmsSender sms;
    private final DailySendCap cap;
    private final FunnelCounters funnel;
    private final DispatchSettings settings;
    private final Clock clock;

    public InvitationDispatcher(InvitationRepository invitations, ProfileRepository profiles, SurveyCatalog surveys,
                                SurveyTokens tokens, EmailSender email, SmsSender sms, DailySendCap cap,
                                FunnelCounters funnel, DispatchSettings settings, Clock clock) {
        this.invitations = invitations;
        this.profiles = profiles;
        this.surveys = surveys;
        this.tokens = tokens;
        this.email = email;
        this.sms = sms;
        this.cap = cap;
        this.funnel = funnel;
        this.settings = settings;
        this.clock = clock;
        this.policy = new DispatchPolicy(settings.quietHours(), new CustomerTimeZones(settings.defaultTimeZone()));
        this.messages = new InvitationMessages(settings);
    }

    public Report run() {
        Instant now = clock.instant();
        int sent = 0;
        int deferred = 0;
        int dropped = 0;
        int skipped = 0;
        for (Invitation invitation : invitations.due(now, BATCH)) {
            switch (dispatch(invitation, now)) {
                case SENT -> sent++;
                case DEFERRED -> deferred++;
                case DROPPED -> dropped++;
                case SKIPPED -> skipped++;
            }
        }
        return new Report(sent, deferred, dropped, skipped);
    }

    private enum Outcome { SENT, DEFERRED, DROPPED, SKIPPED }

    private Outcome dispatch(Invitation invitation, Instant now) {
        Optional<SurveyDefinition> survey = surveys.byId(invitation.surveyId());
        Optional<ProfileRecord> profile = profiles.surviving(invitation.profileId());
        if (survey.isEmpty() || profile.isEmpty()) {
            invitations.drop(invitation, survey.isEmpty() ? "survey no longer deployed" : "profile gone", now);
            return Outcome.DROPPED;
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DispatchDecision decision = policy.decide(invitation, profile.get(), survey.get(), now,
                cap.isReached(today, settings.dailyCap()));
        return switch (decision) {
            case DispatchDecision.Drop drop -> {
                invitations.drop(invitation, drop.reason(), now);
                yield Outcome.DROPPED;
            }
            case DispatchDecision.Defer defer -> {
                invitations.defer(invitation, defer.until(), defer.reason());
                yield Outcome.DEFERRED;
            }
            case DispatchDecision.Send send -> send(invitation, profile.get(), survey.get(), send, now, today);
        };
    }

    private Outcome send(Invitation invitation, ProfileRecord profile, SurveyDefinition survey,
                         DispatchDecision.Send send, Instant now, LocalDate today) {
        if (!invitations.claim(invitation, now)) {
            return Outcome.SKIPPED;
        }
        if (!cap.take(today, settings.dailyCap())) {
            invitations.drop(invitation, "daily-cap", now);
            return Outcome.DROPPED;
        }
        String language = survey.languageFor(profile.locale());
        String token = tokens.issue(invitation.id(), invitation.expiresAt());
        String messageId;
        try {
            messageId = send.channel().equals("sms")
                    ? sms.send(messages.sms(invitation, survey, language, send.address(), token))
                    : email.send(messages.email(invitation, survey, language, send.address(), token));
        } catch (RuntimeException e) {
            invitations.drop(invitation, "send-failed: " + e.getClass().getSimpleName(), now);
            return Outcome.DROPPED;
        }
        invitations.markSent(invitation, send.channel(), messageId, now);
        profiles.recordInvitation(profile.id(), now);
        funnel.add(AggregateKey.of(now, send.channel(), invitation.touchpoint(), invitation.surveyId()), "invited");
        return Outcome.SENT;
    }
}
