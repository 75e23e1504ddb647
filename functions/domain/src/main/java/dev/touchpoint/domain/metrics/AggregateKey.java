package dev.touchpoint.domain.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One cell of the daily aggregates: a UTC day × channel × touchpoint × survey. Reports group and sum
 * cells, so their cost grows with days × cells, never with the number of responses.
 * A missing touchpoint or survey is kept as {@value #NONE}.
 */
public record AggregateKey(LocalDate day, String channel, String touchpoint, String surveyId) {

    public static final String NONE = "-";

    public static AggregateKey of(Instant answeredAt, String channel, String touchpoint, String surveyId) {
        return new AggregateKey(LocalDate.ofInstant(answeredAt, ZoneOffset.UTC), channel,
                touchpoint == null ? NONE : touchpoint, surveyId == null ? NONE : surveyId);
    }
}
