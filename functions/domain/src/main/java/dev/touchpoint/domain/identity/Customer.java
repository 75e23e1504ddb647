package dev.touchpoint.domain.identity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who answered, as far as the channel could tell: zero or more normalised identifiers, the details that
 * personalise later contact, and how the identifiers were learned ({@link Provenance}). An anonymous
 * kiosk answer has no identifiers at all.
 */
public record Customer(List<Identity> identities, String name, String locale, String timeZone, Provenance provenance) {

    public static final Customer ANONYMOUS = new Customer(List.of(), null, null, null, Provenance.API_KEY);

    public Customer {
        identities = List.copyOf(identities);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Identifiers a provider vouched for by signing the message that carried them. */
    public static Customer verifiedBy(String provider, List<Identity> identities, String name) {
        return new Customer(identities, name, null, null, Provenance.verified(provider));
    }

    /** The same customer, its identifiers learned this way (the widget's are claimed, whatever they say). */
    public Customer learnedAs(Provenance how) {
        return new Customer(identities, name, locale, timeZone, how);
    }

    public boolean isAnonymous() {
        return identities.isEmpty();
    }

    public Optional<Identity> identity(IdentityType type) {
        return identities.stream().filter(i -> i.type() == type).findFirst();
    }
}
