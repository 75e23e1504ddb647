package dev.touchpoint.domain.reports;

import dev.touchpoint.domain.metrics.AggregateCounters;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.response.ResponseRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds stored responses into aggregate cells: each response adds its answers' counters to its own
 * cell (day × channel × touchpoint × survey) and, when it answers an invitation, "responded" to the
 * cell of the channel the invitation went out on. Reports derive their response counters this way
 * from the responses themselves, so a response is written once and never counted apart from it.
 */
public final class ResponseCells {

    private final Map<AggregateKey, Map<String, Long>> cells = new LinkedHashMap<>();

    public ResponseCells add(ResponseRecord response) {
        merge(counters(AggregateKey.of(response.answeredAt(), response.channel(), response.touchpoint(), response.surveyId())),
                AggregateCounters.forAnswers(response.answers()));
        if (response.invitationChannel() != null) {
            counters(AggregateKey.of(response.answeredAt(), response.invitationChannel(), response.touchpoint(), response.surveyId()))
                    .merge(FunnelCounters.RESPONDED, 1L, Long::sum);
        }
        return this;
    }

    /** Adds counters kept elsewhere (the funnel's invited, delivered, opened, clicked) to the same cells. */
    public ResponseCells add(AggregateCell stored) {
        merge(counters(stored.key()), stored.counters());
        return this;
    }

    public List<AggregateCell> cells() {
        List<AggregateCell> result = new ArrayList<>();
        cells.forEach((key, counters) -> result.add(new AggregateCell(key, counters)));
        return result;
    }

    private Map<String, Long> counters(AggregateKey key) {
        return cells.computeIfAbsent(key, k -> new LinkedHashMap<>());
    }

    private static void merge(Map<String, Long> into, Map<String, Long> added) {
        added.forEach((name, amount) -> into.merge(name, amount, Long::sum));
    }
}
