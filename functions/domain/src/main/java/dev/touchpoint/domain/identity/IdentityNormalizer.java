package dev.touchpoint.domain.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns identifiers as customers type them into one canonical form.
 *
 * <p>Every case change uses {@link Locale#ROOT}: under a Turkish default locale a plain
 * {@code toLowerCase()} turns {@code INFO@EXAMPLE.COM} into {@code ınfo@example.com}, and the same
 * customer would become two. Phones become E.164 through libphonenumber, with a default region for
 * numbers written without their country code.
 */
public final class IdentityNormalizer {

    /** Deliberately permissive: one @, no spaces, a dot in the domain. Deliverability is SES's job. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_OPAQUE_ID_LENGTH = 128;
    private static final Pattern OPAQUE_ID = Pattern.compile("^[\\p{L}\\p{N}._:@+\\-/]+$");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public IdentityNormalizer(String defaultRegion) {
        this.defaultRegion = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (!phones.getSupportedRegions().contains(this.defaultRegion)) {
            throw new IllegalArgumentException("unknown default phone region: " + defaultRegion);
        }
    }

    /**
     * Parses, checks and formats the default region's example number, as the first phone number will:
     * libphonenumber then has its rules and that region's metadata loaded (about 30 ms in a fresh JVM).
     * A function calls it on a thread of its own while it builds the rest of itself.
     */
    public void loadPhoneRules() {
        PhoneNumber example = phones.getExampleNumber(defaultRegion);
        if (example != null) {
            e164(phones.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
        }
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public Optional<Identity> email(String raw) {
        String email = raw.trim().toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Identity(IdentityType.EMAIL, email));
    }

    /** A phone in E.164 ({@code +905551112233}), or empty when libphonenumber finds it invalid. */
    public Optional<Identity> phone(String raw) {
        return e164(raw).map(number -> new Identity(IdentityType.PHONE, number));
    }

    public Optional<String> e164(String raw) {
        String text = raw.trim();
        if (text.isEmpty() || text.length() > 32) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = phones.parse(text, defaultRegion);
            if (!phones.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The region a phone number belongs to ({@code TR}), used to guess a time zone. */
    public Optional<String> regionOf(String e164) {
        try {
            return Optional.ofNullable(phones.getRegionCodeForNumber(phones.parse(e164, defaultRegion)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Opaque ids (CRM ids, cookies, device ids, messaging account ids) are kept as given, trimmed:
     * their owners decide what is equal, so no case folding.
     */
    public Optional<Identity> opaque(IdentityType type, String raw) {
        String id = raw.trim();
        if (id.isEmpty() || id.length() > MAX_OPAQUE_ID_LENGTH || !OPAQUE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Identity(type, id));
    }
}
