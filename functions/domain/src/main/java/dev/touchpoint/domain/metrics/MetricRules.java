package dev.touchpoint.domain.metrics;

/**
 * The metric rules, in one place for every channel, report and alert.
 *
 * <ul>
 *   <li>NPS: 9–10 promoter, 7–8 passive, 0–6 detractor; score = % promoters − % detractors (−100…100).</li>
 *   <li>CSAT: the share of 4 and 5 answers on a 1–5 scale, in percent.</li>
 *   <li>CES: the mean of 1–7 answers.</li>
 *   <li>Ratings: the mean of 1–5 answers.</li>
 * </ul>
 */
public final class MetricRules {

    private MetricRules() {
    }

    public enum NpsCategory { PROMOTER, PASSIVE, DETRACTOR }

    public static NpsCategory npsCategory(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("NPS score must be 0..10: " + score);
        }
        if (score >= 9) {
            return NpsCategory.PROMOTER;
        }
        return score >= 7 ? NpsCategory.PASSIVE : NpsCategory.DETRACTOR;
    }

    public static boolean isCsatSatisfied(int score) {
        return score >= 4;
    }

    /** NPS from its counts, rounded to one decimal; null when nobody answered. */
    public static Double npsScore(long promoters, long passives, long detractors) {
        long total = promoters + passives + detractors;
        if (total == 0) {
            return null;
        }
        return round1(100.0 * (promoters - detractors) / total);
    }

    /**
     * The 95% margin of error of an NPS, in points, by the adjusted Wald method: ¾ of a promoter, ¾
     * of a detractor and 3 answers added, then 1.96 × √((p + d − (p − d)²) / n) × 100, the standard
     * error of the difference of two proportions drawn from one sample. Of six methods compared by
     * Rocks (The American Statistician, 2016) it kept its 95% best, small samples included. The plain
     * formula claims a margin of 0 whenever every answer falls in one group: a channel with three
     * promoters would show 100 ± 0. Null when nobody answered.
     */
    public static Double npsMarginOfError(long promoters, long passives, long detractors) {
        AdjustedWald adjusted = AdjustedWald.of(promoters, passives, detractors);
        return adjusted == null ? null : round1(adjusted.halfWidth());
    }

    /** The adjusted Wald method's shares: ¾ of a promoter, ¾ of a detractor and 3 answers added; null without answers. */
    private record AdjustedWald(double n, double p, double d) {
        static AdjustedWald of(long promoters, long passives, long detractors) {
            long answers = promoters + passives + detractors;
            if (answers == 0) {
                return null;
            }
            double n = answers + 3.0;
            return new AdjustedWald(n, (promoters + 0.75) / n, (detractors + 0.75) / n);
        }

        double centre() {
            return (p - d) * 100.0;
        }

        double halfWidth() {
            return 1.96 * Math.sqrt((p + d - (p - d) * (p - d)) / n) * 100.0;
        }
    }

    /** A 95% confidence interval of an NPS, in points, within the scale's −100…100. */
    public record Interval(double low, double high) {
    }

    /**
     * The 95% confidence interval of an NPS by the same adjusted Wald method: centred on the adjusted
     * score (p − d) × 100, not on the raw one, {@link #npsMarginOfError} either side, and clipped to
     * −100…100. It is asymmetric around the raw score: seven detractors score −100 and lie in
     * [−100, −32.8], where "−100 ± 37.2" would claim [−137, −63]. Null when nobody answered.
     */
    public static Interval npsInterval(long promoters, long passives, long detractors) {
        AdjustedWald adjusted = AdjustedWald.of(promoters, passives, detractors);
        if (adjusted == null) {
            return null;
        }
        return new Interval(round1(Math.max(-100.0, adjusted.centre() - adjusted.halfWidth())),
                round1(Math.min(100.0, adjusted.centre() + adjusted.halfWidth())));
    }

    /** CSAT in percent, rounded to one decimal; null when nobody answered. */
    public static Double csatScore(long satisfied, long responses) {
        return responses == 0 ? null : round1(100.0 * satisfied / responses);
    }

    /** A mean (CES, ratings) rounded to two decimals; null when nobody answered. */
    public static Double mean(long sum, long responses) {
        return responses == 0 ? null : Math.round(100.0 * sum / responses) / 100.0;
    }

    private static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
