package dev.touchpoint.domain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricRulesTest {

    @Test
    void npsCategory_boundaries() {
        assertEquals(MetricRules.NpsCategory.DETRACTOR, MetricRules.npsCategory(6));
        assertEquals(MetricRules.NpsCategory.PASSIVE, MetricRules.npsCategory(7));
        assertEquals(MetricRules.NpsCategory.PASSIVE, MetricRules.npsCategory(8));
        assertEquals(MetricRules.NpsCategory.PROMOTER, MetricRules.npsCategory(9));
    }

    @Test
    void npsScore_isPromotersMinusDetractorsInPercent() {
        // 70 promoters, 30 passives, 20 detractors of 120: 58.33 − 16.67 = 41.7
        assertEquals(41.7, MetricRules.npsScore(70, 30, 20));
        assertNull(MetricRules.npsScore(0, 0, 0));
    }

    @Test
    void npsMarginOfError_isTheAdjustedWaldHalfWidth() {
        // n = 123, p = 70.75/123, d = 20.75/123: 1.96 × √((p + d − (p − d)²) / 123) × 100 = 13.44…
        assertEquals(13.4, MetricRules.npsMarginOfError(70, 30, 20));
        // 1 000 answers: the adjustment hardly moves it (the plain formula gives 4.8 as well)
        assertEquals(4.8, MetricRules.npsMarginOfError(500, 300, 200));
        assertNull(MetricRules.npsMarginOfError(0, 0, 0));
    }

    @Test
    void npsMarginOfError_ofAFewLikeAnswers_isWide_notZero() {
        // n = 6, p = 3.75/6, d = 0.75/6: 1.96 × √(0.5 / 6) × 100 = 56.58…; the plain formula gives 0
        assertEquals(56.6, MetricRules.npsMarginOfError(3, 0, 0));
        // one detractor: n = 4, p = 0.1875, d = 0.4375: 1.96 × √(0.5625 / 4) × 100 = 73.5
        assertEquals(73.5, MetricRules.npsMarginOfError(0, 0, 1));
    }

    @Test
    void npsInterval_ofSevenDetractors_isAsymmetricAndClippedToTheScale() {
        // n = 10, p = 0.75/10, d = 7.75/10: centre −70, half-width 1.96 × √(0.36 / 10) × 100 = 37.19…
        // so [−107.2, −32.8], clipped to the scale: [−100, −32.8]. "−100 ± 37.2" would read as [−137, −63].
        MetricRules.Interval interval = MetricRules.npsInterval(0, 0, 7);
        assertEquals(-100.0, interval.low());
        assertEquals(-32.8, interval.high());
    }

    @Test
    void npsInterval_isCentredOnTheAdjustedScore_notTheRawOne() {
        // three promoters: n = 6, p = 0.625, d = 0.125: centre 50, half-width 56.58: [−6.6, 106.6] → [−6.6, 100]
        MetricRules.Interval three = MetricRules.npsInterval(3, 0, 0);
        assertEquals(-6.6, three.low());
        assertEquals(100.0, three.high());
        // 70/30/20: n = 123, p − d = 50/123 = 40.65, half-width 13.44: [27.2, 54.1]
        MetricRules.Interval mixed = MetricRules.npsInterval(70, 30, 20);
        assertEquals(27.2, mixed.low());
        assertEquals(54.1, mixed.high());
        assertNull(MetricRules.npsInterval(0, 0, 0));
    }

    @Test
    void csat_isShareOfFourAndFive() {
        assertEquals(82.0, MetricRules.csatScore(41, 50));
    }

    @Test
    void aggregateCounters_countEachScoredAnswerOnce() {
        Map<String, Long> counters = AggregateCounters.forAnswers(List.of(
                Answer.scored("nps", AnswerType.NPS, 9),
                Answer.scored("csat", AnswerType.CSAT, 3),
                Answer.scored("ces", AnswerType.CES, 6),
                Answer.text("comment", AnswerType.TEXT, "ok")));
        assertEquals(1L, counters.get(AggregateCounters.RESPONSES));
        assertEquals(1L, counters.get(AggregateCounters.NPS_PROMOTERS));
        assertEquals(0L, counters.get(AggregateCounters.CSAT_SATISFIED));
        assertEquals(6L, counters.get(AggregateCounters.CES_SUM));
        assertNull(counters.get(AggregateCounters.NPS_DETRACTORS));
    }
}
