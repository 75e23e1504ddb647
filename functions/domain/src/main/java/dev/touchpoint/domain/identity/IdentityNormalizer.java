package dev.touchpoint.domain.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.IDN;
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

    /**
     * One address and nothing else: a local part of RFC 5322's dot-atom characters (letters of any
     * script allowed, for internationalised addresses), dots only between them; no quotes, brackets,
     * commas, semicolons, spaces or line separators, so a field can hold neither two addresses nor
     * markup. Deliverability is SES's job.
     */
    private static final Pattern LOCAL_PART = Pattern.compile("^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*$");
    /** A domain label in ASCII (an internationalised one as its {@code xn--} form): letters, digits, inner hyphens. */
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern TOP_LEVEL = Pattern.compile("^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$");
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

    /**
     * An address in one canonical form: trimmed, lower-cased with {@link Locale#ROOT}, its domain in
     * ASCII ({@code ali@alışveriş.com.tr} and {@code ali@xn--alveri-q9a28ae.com.tr} are one customer, and
     * the ASCII form is what mail servers and SES use).
     */
    public Optional<Identity> email(String raw) {
        String email = raw.trim().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        if (email.length() > MAX_EMAIL_LENGTH || at < 1 || at > 64 || at != email.lastIndexOf('@')
                || !LOCAL_PART.matcher(email.substring(0, at)).matches()) {
            return Optional.empty();
        }
        return asciiDomain(email.substring(at + 1)).map(domain -> new Identity(IdentityType.EMAIL, email.substring(0, at + 1) + domain));
    }

    /** The domain in ASCII, when it is a host name of at least two labels with a top-level domain of letters. */
    private static Optional<String> asciiDomain(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || ascii.length() > 253 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /** A phone in E.164 ({@code +905551112233}), or empty when libphonenumber finds it invalid. */
    public Optional<Identity> phone(String raw) {
        return e164(raw).map(number -> new Identity(IdentityType.PHONE, number));
    }

    /**
     * The phone a WhatsApp id stands for. WhatsApp keeps two national forms that E.164 dropped: Mexico's
     * mobile {@code 1} after the country code ({@code 521} and ten digits, today {@code +52} and ten) and
     * Brazilian mobiles without their ninth digit ({@code 55}, a two-digit area code and eight digits
     * from 6 to 9, today with a {@code 9} before them). Either becomes today's number, so the customer who
     * texts us and writes on WhatsApp is one profile. The WhatsApp id itself is kept as given: it is the
     * address replies go to.
     */
    public Optional<Identity> whatsappPhone(String waId) {
        String digits = waId.trim().replaceFirst("^\\+", "");
        if (!digits.matches("\\d{8,15}")) {
            return Optional.empty();
        }
        Optional<Identity> asGiven = phone("+" + digits);
        if (asGiven.isPresent()) {
            return asGiven;
        }
        if (digits.length() == 13 && digits.startsWith("521")) {
            return phone("+52" + digits.substring(3));
        }
        if (digits.length() == 12 && digits.startsWith("55") && "6789".indexOf(digits.charAt(4)) >= 0) {
            return phone("+55" + digits.substring(2, 4) + "9" + digits.substring(4));
        }
        return Optional.empty();
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
