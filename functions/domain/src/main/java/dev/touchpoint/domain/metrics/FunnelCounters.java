package dev.touchpoint.domain.metrics;

/**
 * Port: the funnel counters of an aggregate cell — {@value #INVITED}, {@value #DELIVERED},
 * {@value #OPENED}, {@value #CLICKED}, {@value #RESPONDED} — added atomically beside the response
 * counters of the same cell.
 */
public interface FunnelCounters {

    String INVITED = "invited";
    String DELIVERED = "delivered";
    String OPENED = "opened";
    String CLICKED = "clicked";
    String RESPONDED = "responded";

    void add(AggregateKey cell, String counter);
}
