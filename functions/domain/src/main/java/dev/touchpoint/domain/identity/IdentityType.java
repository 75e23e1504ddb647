package dev.touchpoint.domain.identity;

/**
 * The kinds of identifier a customer can be recognised by.
 *
 * <p>Strong identifiers belong to one person (an email address, a phone, a CRM id, a messaging
 * account). Weak identifiers belong to a browser or a device that several people may share (a cookie,
 * a store kiosk): they may join an anonymous history to a person, but never fuse two known people.
 */
public enum IdentityType {
    EMAIL("email", true),
    PHONE("phone", true),
    EXTERNAL_ID("externalId", true),
    WHATSAPP_ID("whatsappId", true),
    /**
     * WhatsApp's business-scoped user id (BSUID, "TR.1234…"): stable for one business, given beside or
     * instead of the phone number of a user who has taken a WhatsApp username.
     */
    WHATSAPP_USER_ID("whatsappUserId", true),
    MESSENGER_ID("messengerId", true),
    ANONYMOUS_ID("anonymousId", false),
    DEVICE_ID("deviceId", false);

    private final String wireName;
    private final boolean strong;

    IdentityType(String wireName, boolean strong) {
        this.wireName = wireName;
        this.strong = strong;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isStrong() {
        return strong;
    }

    public static IdentityType fromWireName(String name) {
        for (IdentityType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown identity type: " + name);
    }
}
