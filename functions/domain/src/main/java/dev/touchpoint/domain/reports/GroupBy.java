package dev.touchpoint.domain.reports;

import dev.touchpoint.domain.metrics.AggregateKey;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** What a summary compares side by side. */
public enum GroupBy {
    CHANNEL(AggregateKey::channel),
    TOUCHPOINT(AggregateKey::touchpoint),
    SURVEY(AggregateKey::surveyId),
    DAY(key -> key.day().toString());

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
