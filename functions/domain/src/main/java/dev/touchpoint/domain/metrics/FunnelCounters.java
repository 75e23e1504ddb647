package dev.touchpoint.domain.metrics;

import java.util.Set;

/**
 * Port: the funnel counters of an aggregate cell — {@value #INVITED}, {@value #DELIVERED},
 * {@value #OPENED}, {@value #CLICKED} — added atomically as invitations are sent and reported on.
 * {@value #RESPONDED} is not stored: reports derive it, with the response counters, from the
 * responses themselves ({@code ResponseCells}).
 */
public interface FunnelCounters {

    String INVITED = "invited";
    String DELIVERED = "delivered";
    String OPENED = "opened";
    String CLICKED = "clicked";
    String RESPONDED = "responded";

    /** The counters kept in stored cells; anything else in a stored cell (older versions) is ignored. */
    Set<String> STORED = Set.of(INVITED, DELIVERED, OPENED, CLICKED);
    /** Dispatch decisions are counted beside the funnel: {@code dropped.cooldown}, {@code deferred.quiet-hours}… */
    String DROPPED_PREFIX = "dropped.";
    String DEFERRED_PREFIX = "deferred.";

    static boolean isStored(String counter) {
        return STORED.contains(counter) || counter.startsWith(DROPPED_PREFIX) || counter.startsWith(DEFERRED_PREFIX);
    }

    /** @param reasonCode a dispatch reason's code, such as {@code cooldown} */
    static String dropped(String reasonCode) {
        return DROPPED_PREFIX + reasonCode;
    }

    static String deferred(String reasonCode) {
        return DEFERRED_PREFIX + reasonCode;
    }

    void add(AggregateKey cell, String counter);
}
