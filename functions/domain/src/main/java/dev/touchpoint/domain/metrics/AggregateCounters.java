package dev.touchpoint.domain.metrics;

import dev.touchpoint.domain.feedback.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters one response adds to its aggregate cell. Sums and counts only, so that cells add up
 * across days and groups and every metric is recomputed from them by {@link MetricRules}.
 */
public final class AggregateCounters {

    public static final String RESPONSES = "responses";
    public static final String NPS_RESPONSES = "npsResponses";
    public static final String NPS_PROMOTERS = "npsPromoters";
    public static final String NPS_PASSIVES = "npsPassives";
    public static final String NPS_DETRACTORS = "npsDetractors";
    public static final String CSAT_RESPONSES = "csatResponses";
    public static final String CSAT_SATISFIED = "csatSatisfied";
    public static final String CES_RESPONSES = "cesResponses";
    public static final String CES_SUM = "cesSum";
    public static final String RATING_RESPONSES = "ratingResponses";
    public static final String RATING_SUM = "ratingSum";

    private AggregateCounters() {
    }

    public static Map<String, Long> forAnswers(List<Answer> answers) {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put(RESPONSES, 1L);
        for (Answer answer : answers) {
            switch (answer.type()) {
                case NPS -> {
                    add(counters, NPS_RESPONSES, 1);
                    add(counters, switch (MetricRules.npsCategory(answer.score())) {
                        case PROMOTER -> NPS_PROMOTERS;
                        case PASSIVE -> NPS_PASSIVES;
                        case DETRACTOR -> NPS_DETRACTORS;
                    }, 1);
                }
                case CSAT -> {
                    add(counters, CSAT_RESPONSES, 1);
                    add(counters, CSAT_SATISFIED, MetricRules.isCsatSatisfied(answer.score()) ? 1 : 0);
                }
                case CES -> {
                    add(counters, CES_RESPONSES, 1);
                    add(counters, CES_SUM, answer.score());
                }
                case RATING -> {
                    add(counters, RATING_RESPONSES, 1);
                    add(counters, RATING_SUM, answer.score());
                }
                case CHOICE, TEXT -> { }
            }
        }
        return counters;
    }

    private static void add(Map<String, Long> counters, String name, long amount) {
        counters.merge(name, amount, Long::sum);
    }
}
