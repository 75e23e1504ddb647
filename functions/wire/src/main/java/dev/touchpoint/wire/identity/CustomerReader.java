package dev.touchpoint.wire.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.identity.Provenance;
import dev.touchpoint.domain.text.StorableText;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.UnknownFields;
import dev.touchpoint.wire.json.UnstorableText;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the contract's {@code customer} object (the same in feedback and interactions), normalising
 * every identifier and collecting an error per field at fault.
 */
public final class CustomerReader {

    public static final int MAX_NAME_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("email", "phone", "externalId", "anonymousId",
            "deviceId", "whatsappId", "whatsappUserId", "messengerId", "name", "locale", "timeZone");
    private static final String OPAQUE_RULE = "Must be 1 to 128 characters of letters, digits and . _ : @ + - /";

    private final IdentityNormalizer normalizer;

    public CustomerReader(IdentityNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** @param at the JSON pointer of the object, e.g. {@code /customer} */
    public Customer read(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return Customer.ANONYMOUS;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(at, "Must be an object."));
            return Customer.ANONYMOUS;
        }
        UnknownFields.reject(node, at, FIELDS, errors);
        List<Identity> identities = new ArrayList<>();
        identity(node, at, "email", "Not a valid email address.", normalizer::email, identities, errors);
        identity(node, at, "phone", "Not a valid phone number; use E.164 (+905551112233) or a number of region "
                + normalizer.defaultRegion() + ".", normalizer::phone, identities, errors);
        for (IdentityType type : List.of(IdentityType.EXTERNAL_ID, IdentityType.ANONYMOUS_ID, IdentityType.DEVICE_ID,
                IdentityType.WHATSAPP_ID, IdentityType.WHATSAPP_USER_ID, IdentityType.MESSENGER_ID)) {
            identity(node, at, type.wireName(), OPAQUE_RULE, raw -> normalizer.opaque(type, raw), identities, errors);
        }
        String name = text(node.get("name"), at + "/name", errors);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME_LENGTH || name.indexOf('\u0000') >= 0)) {
            errors.add(new FieldError(at + "/name", "Must be 1 to " + MAX_NAME_LENGTH + " characters."));
            name = null;
        } else if (name != null && !StorableText.isAcceptable(name)) {
            errors.add(new FieldError(at + "/name", UnstorableText.PROBLEM));
            name = null;
        }
        // What a caller sends is the caller's word: an API key's is verified; a public route marks it claimed.
        return new Customer(identities, name == null ? null : name.trim(), locale(node, at, errors), timeZone(node, at, errors),
                Provenance.API_KEY);
    }

    private static void identity(JsonNode customer, String at, String field, String problem,
                                 Function<String, Optional<Identity>> normalise, List<Identity> into, List<FieldError> errors) {
        String raw = text(customer.get(field), at + "/" + field, errors);
        if (raw != null) {
            normalise.apply(raw).ifPresentOrElse(into::add, () -> errors.add(new FieldError(at + "/" + field, problem)));
        }
    }

    private static String text(JsonNode node, String at, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(at, "Must be a string."));
            return null;
        }
        return node.textValue();
    }

    private static String locale(JsonNode customer, String at, List<FieldError> errors) {
        String raw = text(customer.get("locale"), at + "/locale", errors);
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

    private static String timeZone(JsonNode customer, String at, List<FieldError> errors) {
        String raw = text(customer.get("timeZone"), at + "/timeZone", errors);
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
