package dev.touchpoint.aws;

import dev.touchpoint.contract.config.Setting;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration by name, as Lambda gives it: the process environment in AWS, a map in the local
 * runtime and tests (a JVM cannot change its own environment). Same names everywhere.
 */
@FunctionalInterface
public interface Environment {

    String get(String name);

    static Environment system() {
        return System::getenv;
    }

    static Environment of(Map<String, String> values) {
        return values::get;
    }

    default Optional<String> optional(String name) {
        String value = get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    default String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("configuration " + name + " is not set"));
    }

    default int integer(String name, int fallback) {
        return optional(name).map(Integer::parseInt).orElse(fallback);
    }

    default Optional<String> optional(Setting setting) {
        return optional(setting.variable());
    }

    default String required(Setting setting) {
        return required(setting.variable());
    }

    default int integer(Setting setting, int fallback) {
        return integer(setting.variable(), fallback);
    }

    /** A setting read by the domain's own parser, whose refusal then names the variable to fix. */
    default <T> T parsed(Setting setting, Function<Optional<String>, T> parser) {
        try {
            return parser.apply(optional(setting));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    /**
     * The region whose national phone numbers need no country code ({@code TOUCHPOINT_DEFAULT_REGION},
     * an ISO 3166 code; TR unless set): every function that normalises a phone number reads it here.
     */
    default String defaultPhoneRegion() {
        return optional(Setting.DEFAULT_REGION.variable()).orElse("TR");
    }
}
