package dev.touchpoint.domain.reports;

import java.util.Map;

/** One group of a summary: its responses, NPS, CSAT, CES and ratings, and the invitation funnel. */
public record GroupSummary(String key, long responses, Nps nps, Share csat, Mean ces, Mean rating, Funnel funnel,
                           Decisions decisions) {

    /**
     * NPS with its counts, the half-width of its 95% interval ({@code marginOfError}) and the interval
     * itself, clipped to the scale ({@code low}, {@code high}); all null without answers.
     */
    public record Nps(Double score, long promoters, long passives, long detractors, Double marginOfError, Double low,
                      Double high) {
    }

    /** A share in percent (CSAT) over its answers. */
    public record Share(Double score, long responses) {
    }

    /** A mean (CES, ratings) over its answers. */
    public record Mean(Double mean, long responses) {
    }

    /**
     * What the dispatcher decided for the group's invitations: sent (the funnel's invited), and each
     * deferral and drop by its reason ({@code cooldown}, {@code opted-out}, {@code quiet-hours}…).
     */
    public record Decisions(long sent, Map<String, Long> deferred, Map<String, Long> dropped) {
        public Decisions {
            deferred = Map.copyOf(deferred);
            dropped = Map.copyOf(dropped);
        }
    }

    /** invited → delivered → opened / clicked → responded, and responded / invited in percent. */
    public record Funnel(long invited, long delivered, long opened, long clicked, long responded, Double responseRate) {
    }
}
