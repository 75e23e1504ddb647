package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.invitation.DailySendCap;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The day's send cap in memory: a unit is taken only while the day is under the cap. */
public final class InMemoryDailyCap implements DailySendCap {

    private final Map<LocalDate, Integer> taken = new HashMap<>();

    @Override
    public synchronized boolean isReached(LocalDate day, int cap) {
        return taken.getOrDefault(day, 0) >= cap;
    }

    @Override
    public synchronized boolean take(LocalDate day, int cap) {
        if (isReached(day, cap)) {
            return false;
        }
        taken.merge(day, 1, Integer::sum);
        return true;
    }
}
