package dev.touchpoint.domain.reports;

import static dev.touchpoint.domain.metrics.AggregateCounters.CES_RESPONSES;
import static dev.touchpoint.domain.metrics.AggregateCounters.CES_SUM;
import static dev.touchpoint.domain.metrics.AggregateCounters.CSAT_RESPONSES;
import static dev.touchpoint.domain.metrics.AggregateCounters.CSAT_SATISFIED;
import static dev.touchpoint.domain.metrics.AggregateCounters.NPS_DETRACTORS;
import static dev.touchpoint.domain.metrics.AggregateCounters.NPS_PASSIVES;
import static dev.touchpoint.domain.metrics.AggregateCounters.NPS_PROMOTERS;
import static dev.touchpoint.domain.metrics.AggregateCounters.RATING_RESPONSES;
import static dev.touchpoint.domain.metrics.AggregateCounters.RATING_SUM;
import static dev.touchpoint.domain.metrics.AggregateCounters.RESPONSES;

import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.metrics.MetricRules;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Use case: a summary of a period, grouped by channel, touchpoint, survey or day, from the aggregate
 * cells only — its cost grows with days × cells, never with the number of responses. Every metric
 * comes from {@link MetricRules}, the same rules the rest of the product uses.
 */
public final class SummaryReport {

    public static final int MAX_DAYS = 366;

    private final AggregateReader aggregates;

    public SummaryReport(AggregateReader aggregates) {
        this.aggregates = aggregates;
    }

    public List<GroupSummary> summarise(LocalDate from, LocalDate to, Optional<String> surveyId, GroupBy groupBy) {
        return summarise(from, to, surveyId, Optional.empty(), groupBy);
    }

    /** @param channel only the cells of this channel (NPS over time per channel) */
    public List<GroupSummary> summarise(LocalDate from, LocalDate to, Optional<String> surveyId, Optional<String> channel,
                                        GroupBy groupBy) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (AggregateCell cell : aggregates.cells(from, to)) {
            if ((surveyId.isPresent() && !surveyId.get().equals(cell.key().surveyId()))
                    || (channel.isPresent() && !channel.get().equals(cell.key().channel()))) {
                continue;
            }
            Map<String, Long> group = sums.computeIfAbsent(groupBy.keyOf(cell.key()), k -> new HashMap<>());
            cell.counters().forEach((name, value) -> group.merge(name, value, Long::sum));
        }
        return sums.entrySet().stream().map(e -> group(e.getKey(), e.getValue())).toList();
    }

    private static GroupSummary group(String key, Map<String, Long> c) {
        long promoters = c.getOrDefault(NPS_PROMOTERS, 0L);
        long passives = c.getOrDefault(NPS_PASSIVES, 0L);
        long detractors = c.getOrDefault(NPS_DETRACTORS, 0L);
        long invited = c.getOrDefault(FunnelCounters.INVITED, 0L);
        long responded = c.getOrDefault(FunnelCounters.RESPONDED, 0L);
        MetricRules.Interval interval = MetricRules.npsInterval(promoters, passives, detractors);
        return new GroupSummary(key, c.getOrDefault(RESPONSES, 0L),
                new GroupSummary.Nps(MetricRules.npsScore(promoters, passives, detractors), promoters, passives, detractors,
                        MetricRules.npsMarginOfError(promoters, passives, detractors),
                        interval == null ? null : interval.low(), interval == null ? null : interval.high()),
                new GroupSummary.Share(MetricRules.csatScore(c.getOrDefault(CSAT_SATISFIED, 0L), c.getOrDefault(CSAT_RESPONSES, 0L)),
                        c.getOrDefault(CSAT_RESPONSES, 0L)),
                new GroupSummary.Mean(MetricRules.mean(c.getOrDefault(CES_SUM, 0L), c.getOrDefault(CES_RESPONSES, 0L)),
                        c.getOrDefault(CES_RESPONSES, 0L)),
                new GroupSummary.Mean(MetricRules.mean(c.getOrDefault(RATING_SUM, 0L), c.getOrDefault(RATING_RESPONSES, 0L)),
                        c.getOrDefault(RATING_RESPONSES, 0L)),
                new GroupSummary.Funnel(invited, c.getOrDefault(FunnelCounters.DELIVERED, 0L), c.getOrDefault(FunnelCounters.OPENED, 0L),
                        c.getOrDefault(FunnelCounters.CLICKED, 0L), responded,
                        invited == 0 ? null : Math.round(1000.0 * responded / invited) / 10.0),
                new GroupSummary.Decisions(invited, byReason(c, FunnelCounters.DEFERRED_PREFIX), byReason(c, FunnelCounters.DROPPED_PREFIX)));
    }

    /** The counters named {@code <prefix><reason>}, by reason, in the order of their names. */
    private static Map<String, Long> byReason(Map<String, Long> counters, String prefix) {
        Map<String, Long> reasons = new TreeMap<>();
        counters.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                reasons.put(name.substring(prefix.length()), value);
            }
        });
        return reasons;
    }
}
