package dev.touchpoint.domain.invitation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The customer's time zone for quiet hours: the one on their profile, else the one their phone
 * number's prefix belongs to (libphonenumber's time zone map, used only when a prefix has one zone),
 * else the deployment's default.
 */
public final class CustomerTimeZones {

    private final ZoneId fallback;

    public CustomerTimeZones(ZoneId fallback) {
        this.fallback = fallback;
    }

    public ZoneId of(ProfileRecord profile) {
        if (profile.timeZone() != null) {
            try {
                return ZoneId.of(profile.timeZone());
            } catch (DateTimeException ignored) {
                // Validated on the way in; an old or edited value falls through to the phone.
            }
        }
        return profile.identity(IdentityType.PHONE).flatMap(phone -> {
            try {
                List<String> zones = PhoneNumberToTimeZonesMapper.getInstance()
                        .getTimeZonesForNumber(PhoneNumberUtil.getInstance().parse(phone.value(), null));
                return zones.size() == 1 && !zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
                        ? Optional.of(ZoneId.of(zones.get(0))) : Optional.<ZoneId>empty();
            } catch (NumberParseException | DateTimeException e) {
                return Optional.<ZoneId>empty();
            }
        }).orElse(fallback);
    }
}
