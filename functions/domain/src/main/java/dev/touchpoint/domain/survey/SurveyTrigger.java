package dev.touchpoint.domain.survey;

import java.time.Duration;
import java.util.List;

/**
 * When a survey is sent by itself: after a service event of {@code eventType}, {@code delay} later, on
 * the first of {@code channels} (in order of preference) the customer can be reached on, and no longer
 * once {@code expiresAfter} has passed since it was due.
 */
public record SurveyTrigger(String eventType, Duration delay, List<String> channels, Duration expiresAfter) {

    public SurveyTrigger {
        channels = List.copyOf(channels);
    }
}
