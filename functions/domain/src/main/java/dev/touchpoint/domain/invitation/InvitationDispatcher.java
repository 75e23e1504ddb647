package dev.touchpoint.domain.invitation;

import dev.touchpoint.domain.feedback.DispatchChannel;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.privacy.KeptConsent;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.privacy.SuppressionList;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Use case run every minute: takes the invitations now due and, for each, applies the
 * {@link DispatchPolicy} and acts on it. A send happens only after this dispatcher has claimed the
 * invitation (PENDING → SENDING, conditional), so two dispatchers running at once send it once.
 * Delivery is at most once: if the provider call fails, the invitation is dropped with the reason
 * rather than risk a second email or SMS to the customer. Every decision is kept on the invitation (its
 * reason) and counted beside the funnel ({@code dropped.<reason>}, {@code deferred.<reason>}, under the
 * invitation's first channel), so support and reports can say why a customer got no survey.
 */
public final class InvitationDispatcher {

    /** What one run did. */
    /** @param droppedBy the dropped invitations by reason code ({@code opted-out}, {@code daily-cap}…) */
    public record Report(int sent, int deferred, int dropped, int skipped, Map<String, Integer> droppedBy) {
        public Report {
            droppedBy = Map.copyOf(droppedBy);
        }
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
    private final SuppressionList suppressions;
    private final KeyedHashes hashes;
    private final Clock clock;

    public InvitationDispatcher(InvitationRepository invitations, ProfileRepository profiles, SurveyCatalog surveys,
                                SurveyTokens tokens, EmailSender email, SmsSender sms, DailySendCap cap,
                                FunnelCounters funnel, DispatchSettings settings, SuppressionList suppressions, KeyedHashes hashes,
                                Clock clock) {
        this.suppressions = suppressions;
        this.hashes = hashes;
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
        this.policy = new DispatchPolicy(settings.quietHours(), new CustomerTimeZones(settings.defaultTimeZone()),
                settings.dropAtDailyCap());
        this.messages = new InvitationMessages(settings);
    }

    public Report run() {
        Instant now = clock.instant();
        int sent = 0;
        int deferred = 0;
        int dropped = 0;
        int skipped = 0;
        Map<String, Integer> droppedBy = new TreeMap<>();
        for (Invitation invitation : invitations.due(now, BATCH)) {
            switch (dispatch(invitation, now, droppedBy)) {
                case SENT -> sent++;
                case DEFERRED -> deferred++;
                case DROPPED -> dropped++;
                case SKIPPED -> skipped++;
            }
        }
        return new Report(sent, deferred, dropped, skipped, droppedBy);
    }

    private enum Outcome { SENT, DEFERRED, DROPPED, SKIPPED }

    private Outcome dispatch(Invitation invitation, Instant now, Map<String, Integer> droppedBy) {
        Optional<SurveyDefinition> survey = surveys.byId(invitation.surveyId());
        Optional<ProfileRecord> profile = profiles.surviving(invitation.profileId());
        if (survey.isEmpty() || profile.isEmpty()) {
            return act(invitation, new DispatchDecision.Drop(DispatchReason.GONE,
                    survey.isEmpty() ? "survey no longer deployed" : "profile gone"), now, droppedBy);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        // An erased person's opt-outs outlive them: closed under the keyed hash of each address.
        ProfileRecord recipient = profile.get().withOptedOut(KeptConsent.closedTo(profile.get().identities(), suppressions, hashes));
        DispatchDecision decision = policy.decide(invitation, recipient, survey.get(), now,
                cap.isReached(today, settings.dailyCap()));
        return switch (decision) {
            case DispatchDecision.Send send -> send(invitation, profile.get(), survey.get(), send, now, today, droppedBy);
            default -> act(invitation, decision, now, droppedBy);
        };
    }

    /** Drops or defers, keeping the reason on the invitation and counting it beside the funnel. */
    private Outcome act(Invitation invitation, DispatchDecision decision, Instant now, Map<String, Integer> droppedBy) {
        String channel = invitation.channels().isEmpty() ? "none" : invitation.channels().get(0);
        AggregateKey cell = AggregateKey.of(now, channel, invitation.touchpoint(), invitation.surveyId());
        if (decision instanceof DispatchDecision.Defer defer) {
            if (!invitations.defer(invitation, defer.until(), defer.reason())) {
                return Outcome.SKIPPED;
            }
            funnel.add(cell, FunnelCounters.deferred(defer.why().code()));
            return Outcome.DEFERRED;
        }
        DispatchDecision.Drop drop = (DispatchDecision.Drop) decision;
        invitations.drop(invitation, drop.reason(), now);
        funnel.add(cell, FunnelCounters.dropped(drop.why().code()));
        droppedBy.merge(drop.why().code(), 1, Integer::sum);
        return Outcome.DROPPED;
    }

    private Outcome send(Invitation invitation, ProfileRecord profile, SurveyDefinition survey,
                         DispatchDecision.Send send, Instant now, LocalDate today, Map<String, Integer> droppedBy) {
        // The cap is taken before the claim: a claim lost to another dispatcher then costs one unit of the
        // day's cap, where the other order would have to put a claimed invitation back in the queue.
        if (!cap.take(today, settings.dailyCap())) {
            return act(invitation, policy.atDailyCap(now), now, droppedBy);
        }
        if (!invitations.claim(invitation, now)) {
            return Outcome.SKIPPED;
        }
        String language = survey.customerLanguage(profile);
        // The link lives the survey's window from now, however long the invitation waited to be sent.
        Instant answerableUntil = now.plus(survey.window());
        String token = tokens.issue(invitation.id(), answerableUntil);
        String messageId;
        try {
            messageId = DispatchChannel.SMS.is(send.channel())
                    ? sms.send(messages.sms(invitation, survey, language, send.address(), token))
                    : email.send(messages.email(invitation, survey, language, send.address(), token));
        } catch (RuntimeException e) {
            invitations.drop(invitation, DispatchReason.SEND_FAILED.describe(e.getClass().getSimpleName()), now);
            funnel.add(AggregateKey.of(now, send.channel(), invitation.touchpoint(), invitation.surveyId()),
                    FunnelCounters.dropped(DispatchReason.SEND_FAILED.code()));
            droppedBy.merge(DispatchReason.SEND_FAILED.code(), 1, Integer::sum);
            return Outcome.DROPPED;
        }
        invitations.markSent(invitation, send.channel(), messageId, now, answerableUntil);
        profiles.recordInvitation(profile.id(), now);
        funnel.add(AggregateKey.of(now, send.channel(), invitation.touchpoint(), invitation.surveyId()), FunnelCounters.INVITED);
        return Outcome.SENT;
    }
}
