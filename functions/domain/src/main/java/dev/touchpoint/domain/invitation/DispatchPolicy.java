package dev.touchpoint.domain.invitation;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what happens to one due invitation, in this order, each with its reason: expired; consent
 * (opt-outs) and reachability per channel; suppression (bounces, complaints); the per-person cooldown
 * across all channels; the daily cap; quiet hours in the customer's time zone (defer, not drop); then
 * the first channel of the survey's preference still open. Pure: the dispatcher supplies the facts.
 */
public final class DispatchPolicy {

    private final QuietHours quietHours;
    private final CustomerTimeZones timeZones;

    public DispatchPolicy(QuietHours quietHours, CustomerTimeZones timeZones) {
        this.quietHours = quietHours;
        this.timeZones = timeZones;
    }

    public DispatchDecision decide(Invitation invitation, ProfileRecord profile, SurveyDefinition survey, Instant now,
                                   boolean dailyCapReached) {
        if (invitation.expiresAt() != null && now.isAfter(invitation.expiresAt())) {
            return new DispatchDecision.Drop("expired");
        }
        List<String> closed = new ArrayList<>();
        List<DispatchDecision.Send> open = new ArrayList<>();
        for (String channel : invitation.channels()) {
            Optional<Identity> address = profile.identity(channel.equals("sms") ? IdentityType.PHONE : IdentityType.EMAIL);
            if (profile.optedOut().contains(channel)) {
                closed.add("opted-out:" + channel);
            } else if (address.isEmpty()) {
                closed.add("unreachable:" + channel);
            } else if (profile.suppressed().contains(channel)) {
                closed.add("suppressed:" + channel);
            } else {
                open.add(new DispatchDecision.Send(channel, address.get().value()));
            }
        }
        if (open.isEmpty()) {
            return new DispatchDecision.Drop(String.join(" ", closed));
        }
        if (profile.lastInvitedAt() != null && now.isBefore(profile.lastInvitedAt().plus(survey.cooldown()))) {
            return new DispatchDecision.Drop("cooldown: invited " + profile.lastInvitedAt() + ", " + survey.cooldown().toDays() + " days apart");
        }
        if (dailyCapReached) {
            return new DispatchDecision.Drop("daily-cap");
        }
        ZonedDateTime local = now.atZone(timeZones.of(profile));
        if (quietHours.contains(local.toLocalTime())) {
            return new DispatchDecision.Defer(quietHours.nextEnd(local).toInstant(), "quiet-hours in " + local.getZone());
        }
        return open.get(0);
    }
}
