package dev.touchpoint.domain.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Every place a customer can answer from. The wire name is what the API and reports use. */
public enum Channel {
    WEB("web"),
    APP("app"),
    API("api"),
    KIOSK("kiosk"),
    QR("qr"),
    CALL_CENTRE("call_centre"),
    PAPER("paper"),
    EMAIL("email"),
    SMS("sms"),
    WHATSAPP("whatsapp"),
    MESSENGER("messenger");

    private final String wireName;

    Channel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Channel> fromWireName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wanted)).findFirst();
    }

    public static String allWireNames() {
        return String.join(", ", Arrays.stream(values()).map(Channel::wireName).toList());
    }
}
