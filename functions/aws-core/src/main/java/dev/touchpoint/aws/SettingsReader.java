package dev.touchpoint.aws;

import dev.touchpoint.contract.config.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one function's settings at once, each by its {@link Setting}, with its default, into typed
 * values; every problem is collected and named together ({@link #checked}), so a deployment missing two
 * variables and mistyping a third says so in one start-up error, not one per deploy. What each
 * function's {@code *Settings.from} uses.
 */
public final class SettingsReader {

    private final Environment env;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(Environment env) {
        this.env = env;
    }

    public static SettingsReader of(Environment env) {
        return new SettingsReader(env);
    }

    /** The value, or null with a problem recorded. */
    public String required(Setting setting) {
        Optional<String> value = env.optional(setting);
        if (value.isEmpty()) {
            problems.add(setting + " is not set");
        }
        return value.orElse(null);
    }

    public Optional<String> optional(Setting setting) {
        return env.optional(setting);
    }

    public String text(Setting setting, String fallback) {
        return env.optional(setting).orElse(fallback);
    }

    /** A whole number from {@code min}, or the fallback when unset; anything else is a problem. */
    public int integer(Setting setting, int fallback, int min) {
        Optional<String> raw = env.optional(setting);
        try {
            int value = raw.map(Integer::parseInt).orElse(fallback);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // named below
        }
        problems.add(setting + " must be a whole number from " + min + ", not '" + raw.orElse("") + "'");
        return fallback;
    }

    public Duration seconds(Setting setting, int fallbackSeconds, int min) {
        return Duration.ofSeconds(integer(setting, fallbackSeconds, min));
    }

    /** A setting read by the domain's own parser; its refusal is a problem naming the variable. */
    public <T> T parsed(Setting setting, Function<Optional<String>, T> parser, T fallback) {
        try {
            return parser.apply(env.optional(setting));
        } catch (RuntimeException e) {
            // A parser's refusal of any kind (a bad number, time, zone or URL): the variable is what to fix.
            problems.add(setting + ": " + e.getMessage());
            return fallback;
        }
    }

    /**
     * @return {@code settings}, when every setting was read
     * @throws IllegalStateException naming every problem
     */
    public <T> T checked(T settings) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("configuration: " + String.join("; ", problems));
        }
        return settings;
    }
}
