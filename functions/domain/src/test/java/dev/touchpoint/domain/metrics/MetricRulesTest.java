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
    void npsMarginOfError_matchesTheTwoProportionFormula() {
        // p = 70/120, d = 20/120: 1.96 × √((p + d − (p − d)²) / 120) × 100 = 13.58…
        assertEquals(13.6, MetricRules.npsMarginOfError(70, 30, 20));
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
