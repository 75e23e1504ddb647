package dev.touchpoint.domain.identity;

import dev.touchpoint.domain.text.StorableText;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the contract's {@code customer} (the same in feedback, interactions and queued messages),
 * normalising every identifier and collecting an error per field at fault.
 */
public final class CustomerCheck {

    public static final int MAX_NAME_LENGTH = 200;
    public static final Set<String> FIELDS = Set.of("email", "phone", "externalId", "anonymousId",
            "deviceId", "whatsappId", "whatsappUserId", "messengerId", "name", "locale", "timeZone");
    private static final String OPAQUE_RULE = "Must be 1 to 128 characters of letters, digits and . _ : @ + - /";

    private final IdentityNormalizer normalizer;

    public CustomerCheck(IdentityNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** @param at the pointer of the object, e.g. {@code /customer} */
    public Customer check(SentObject customer, String at, List<FieldError> errors) {
        if (!customer.sent()) {
            return Customer.ANONYMOUS;
        }
        if (!customer.isObject()) {
            errors.add(new FieldError(at, "Must be an object."));
            return Customer.ANONYMOUS;
        }
        FieldError.rejectUnknown(customer.unknownFields(), at, FIELDS, errors);
        List<Identity> identities = new ArrayList<>();
        identity(customer, at, "email", "Not a valid email address.", normalizer::email, identities, errors);
        identity(customer, at, "phone", "Not a valid phone number; use E.164 (+905551112233) or a number of region "
                + normalizer.defaultRegion() + ".", normalizer::phone, identities, errors);
        for (IdentityType type : List.of(IdentityType.EXTERNAL_ID, IdentityType.ANONYMOUS_ID, IdentityType.DEVICE_ID,
                IdentityType.WHATSAPP_ID, IdentityType.WHATSAPP_USER_ID, IdentityType.MESSENGER_ID)) {
            identity(customer, at, type.wireName(), OPAQUE_RULE, raw -> normalizer.opaque(type, raw), identities, errors);
        }
        String name = name(customer.member("name"), at + "/name", errors);
        // What a caller sends is the caller's word: an API key's is verified; a public route marks it claimed.
        return new Customer(identities, name, locale(customer, at, errors), timeZone(customer, at, errors), Provenance.API_KEY);
    }

    /** A text field, or null: nothing sent, or not a text (an error). */
    public static String text(Sent sent, String at, List<FieldError> errors) {
        if (sent instanceof Sent.Text text) {
            return text.value();
        }
        if (!sent.isAbsent()) {
            errors.add(new FieldError(at, "Must be a string."));
        }
        return null;
    }

    private static void identity(SentObject customer, String at, String field, String problem,
                                 Function<String, Optional<Identity>> normalise, List<Identity> into, List<FieldError> errors) {
        String raw = text(customer.member(field), at + "/" + field, errors);
        if (raw != null) {
            normalise.apply(raw).ifPresentOrElse(into::add, () -> errors.add(new FieldError(at + "/" + field, problem)));
        }
    }

    private static String name(Sent sent, String at, List<FieldError> errors) {
        String name = text(sent, at, errors);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError(at, "Must be 1 to " + MAX_NAME_LENGTH + " characters."));
            return null;
        } else if (name != null && !StorableText.isAcceptable(name)) {
            errors.add(new FieldError(at, StorableText.PROBLEM));
            return null;
        }
        return name == null ? null : name.trim();
    }

    private static String locale(SentObject customer, String at, List<FieldError> errors) {
        String raw = text(customer.member("locale"), at + "/locale", errors);
        if (raw == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(raw.trim());
        if (locale.getLanguage().isEmpty() || raw.length() > 35) {
            errors.add(new FieldError(at + "/locale", "Must be a BCP 47 language tag such as tr-TR or en."));
            return null;
        }
        return locale.toLanguageTag();
    }

    private static String timeZone(SentObject customer, String at, List<FieldError> errors) {
        String raw = text(customer.member("timeZone"), at + "/timeZone", errors);
        if (raw == null) {
            return null;
        }
        try {
            if (raw.length() > 64) {
                throw new DateTimeException("too long");
            }
            return ZoneId.of(raw.trim()).getId();
        } catch (DateTimeException e) {
            errors.add(new FieldError(at + "/timeZone", "Must be an IANA time zone such as Europe/Istanbul."));
            return null;
        }
    }
}
