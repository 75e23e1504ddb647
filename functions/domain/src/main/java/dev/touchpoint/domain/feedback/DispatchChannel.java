package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.identity.IdentityType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The channels a survey invitation goes out on, in the default order of preference, each with the
 * address it needs. Written on the wire and in the table by {@link #wireName()}.
 */
public enum DispatchChannel {
    EMAIL("email", IdentityType.EMAIL),
    SMS("sms", IdentityType.PHONE);

    private final String wireName;
    private final IdentityType address;

    DispatchChannel(String wireName, IdentityType address) {
        this.wireName = wireName;
        this.address = address;
    }

    public String wireName() {
        return wireName;
    }

    /** The kind of identifier an invitation on this channel is sent to. */
    public IdentityType address() {
        return address;
    }

    public boolean is(String wireName) {
        return this.wireName.equals(wireName);
    }

    public static Optional<DispatchChannel> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(channel -> channel.is(wireName)).findFirst();
    }

    /** Every channel's wire name, in the default order of preference: {@code email}, then {@code sms}. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(DispatchChannel::wireName).toList();
    }
}
