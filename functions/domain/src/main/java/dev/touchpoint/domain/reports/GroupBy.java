package dev.touchpoint.domain.reports;

import dev.touchpoint.domain.metrics.AggregateKey;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** What a summary compares side by side. */
public enum GroupBy {
    CHANNEL(AggregateKey::channel),
    TOUCHPOINT(AggregateKey::touchpoint),
    SURVEY(AggregateKey::surveyId),
    DAY(key -> key.day().toString()),
    /** The ISO week, Monday to Sunday, as {@code 2026-W48}: a quarter's trend without daily noise. */
    WEEK(key -> String.format(Locale.ROOT, "%d-W%02d", key.day().get(IsoFields.WEEK_BASED_YEAR),
            key.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))),
    /** The calendar month, as {@code 2026-11}. */
    MONTH(key -> YearMonth.from(key.day()).toString());

    private final Function<AggregateKey, String> key;

    GroupBy(Function<AggregateKey, String> key) {
        this.key = key;
    }

    public String keyOf(AggregateKey cell) {
        return key.apply(cell);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> fromWireName(String name) {
        return Arrays.stream(values()).filter(g -> g.wireName().equals(name)).findFirst();
    }
}
