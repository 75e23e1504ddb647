package dev.touchpoint.domain.reports;

/** One group of a summary: its responses, NPS, CSAT, CES and ratings, and the invitation funnel. */
public record GroupSummary(String key, long responses, Nps nps, Share csat, Mean ces, Mean rating, Funnel funnel) {

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

    /** invited → delivered → opened / clicked → responded, and responded / invited in percent. */
    public record Funnel(long invited, long delivered, long opened, long clicked, long responded, Double responseRate) {
    }
}
