package dev.touchpoint.domain.identity;

import java.util.Objects;

/**
 * One normalised identifier. Build it through {@link IdentityNormalizer} so that the same customer
 * always yields the same value, whatever the channel or the JVM's default locale.
 */
public record Identity(IdentityType type, String value) {

    public Identity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank " + type.wireName());
        }
    }

    /** A stable text form, {@code type:value}, used as a storage key. */
    public String key() {
        return type.wireName() + ":" + value;
    }

    public static Identity fromKey(String key) {
        int colon = key.indexOf(':');
        return new Identity(IdentityType.fromWireName(key.substring(0, colon)), key.substring(colon + 1));
    }

    public boolean isStrong() {
        return type.isStrong();
    }
}
