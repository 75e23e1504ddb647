package dev.touchpoint.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.metrics.AggregateKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keys a summary groups by: weeks as ISO 8601 counts them, so they sort in time order across years. */
class GroupByTest {

    private static String key(GroupBy groupBy, String day) {
        return groupBy.keyOf(new AggregateKey(LocalDate.parse(day), "sms", "-", "-"));
    }

    @Test
    void aWeek_runsMondayToSunday() {
        assertEquals("2026-W47", key(GroupBy.WEEK, "2026-11-22"), "a Sunday ends its week");
        assertEquals("2026-W48", key(GroupBy.WEEK, "2026-11-23"), "a Monday starts the next");
    }

    @Test
    void aWeek_belongsToTheYearOfItsThursday() {
        assertEquals("2026-W53", key(GroupBy.WEEK, "2027-01-01"));
        assertEquals("2025-W01", key(GroupBy.WEEK, "2024-12-30"));
        List<String> inOrder = List.of(key(GroupBy.WEEK, "2026-12-28"), key(GroupBy.WEEK, "2027-01-01"), key(GroupBy.WEEK, "2027-01-04"));
        assertEquals(List.of("2026-W53", "2026-W53", "2027-W01"), inOrder);
    }

    @Test
    void aMonth_isItsYearAndMonth() {
        assertEquals("2026-11", key(GroupBy.MONTH, "2026-11-30"));
        assertEquals("2026-12", key(GroupBy.MONTH, "2026-12-01"));
    }

    @Test
    void theWireNames_areLowerCase() {
        assertEquals(Optional.of(GroupBy.WEEK), GroupBy.fromWireName("week"));
        assertEquals(Optional.of(GroupBy.MONTH), GroupBy.fromWireName("month"));
    }
}
