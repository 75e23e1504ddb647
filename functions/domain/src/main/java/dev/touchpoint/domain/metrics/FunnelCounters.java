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

    void add(AggregateKey cell, String counter);
}
