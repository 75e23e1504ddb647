package dev.touchpoint.domain.invitation;

import dev.touchpoint.domain.feedback.DispatchChannel;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what happens to one due invitation, in this order, each with its reason: expired; consent
 * (opt-outs) and reachability per channel; suppression (bounces, complaints); the per-person cooldown
 * across all channels; the daily cap (deferred to the next UTC day, or dropped if the deployment says so);
 * quiet hours in the customer's time zone (defer, not drop); then the first channel of the survey's
 * preference still open. Pure: the dispatcher supplies the facts.
 */
public final class DispatchPolicy {

    private final QuietHours quietHours;
    private final CustomerTimeZones timeZones;
    private final boolean dropAtDailyCap;

    public DispatchPolicy(QuietHours quietHours, CustomerTimeZones timeZones) {
        this(quietHours, timeZones, false);
    }

    /** @param dropAtDailyCap drop what the day's cap stops, instead of sending it the next UTC day */
    public DispatchPolicy(QuietHours quietHours, CustomerTimeZones timeZones, boolean dropAtDailyCap) {
        this.quietHours = quietHours;
        this.timeZones = timeZones;
        this.dropAtDailyCap = dropAtDailyCap;
    }

    public DispatchDecision decide(Invitation invitation, ProfileRecord profile, SurveyDefinition survey, Instant now,
                                   boolean dailyCapReached) {
        if (invitation.expiresAt() != null && now.isAfter(invitation.expiresAt())) {
            return new DispatchDecision.Drop(DispatchReason.EXPIRED);
        }
        List<String> closed = new ArrayList<>();
        List<DispatchDecision.Send> open = new ArrayList<>();
        for (String channel : invitation.channels()) {
            Optional<Identity> address = profile.identity(DispatchChannel.fromWireName(channel).orElse(DispatchChannel.EMAIL).address());
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
            return new DispatchDecision.Drop(whyClosed(closed), String.join(" ", closed));
        }
        if (profile.lastInvitedAt() != null && now.isBefore(profile.lastInvitedAt().plus(survey.cooldown()))) {
            return new DispatchDecision.Drop(DispatchReason.COOLDOWN,
                    "invited " + profile.lastInvitedAt() + ", " + survey.cooldown().toDays() + " days apart");
        }
        if (dailyCapReached) {
            return atDailyCap(now);
        }
        ZonedDateTime local = now.atZone(timeZones.of(profile));
        if (quietHours.contains(local.toLocalTime())) {
            return new DispatchDecision.Defer(quietHours.nextEnd(local).toInstant(), DispatchReason.QUIET_HOURS, "in " + local.getZone());
        }
        return open.get(0);
    }

    /** The cap counts per UTC day: what it stops waits for the next one (quiet hours are weighed again then). */
    public DispatchDecision atDailyCap(Instant now) {
        if (dropAtDailyCap) {
            return new DispatchDecision.Drop(DispatchReason.DAILY_CAP);
        }
        Instant nextDay = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new DispatchDecision.Defer(nextDay, DispatchReason.DAILY_CAP, "until the next UTC day");
    }

    /** An opt-out is what support most needs to see, then a suppression; otherwise no address was known. */
    private static DispatchReason whyClosed(List<String> closed) {
        if (closed.stream().anyMatch(c -> c.startsWith("opted-out"))) {
            return DispatchReason.OPTED_OUT;
        }
        return closed.stream().anyMatch(c -> c.startsWith("suppressed")) ? DispatchReason.SUPPRESSED : DispatchReason.NO_REACHABLE_CHANNEL;
    }
}
