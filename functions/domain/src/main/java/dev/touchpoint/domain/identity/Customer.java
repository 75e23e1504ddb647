package dev.touchpoint.domain.identity;

import java.util.List;
import java.util.Optional;

/**
 * Who answered, as far as the channel could tell: zero or more normalised identifiers and the details
 * that personalise later contact. An anonymous kiosk answer has no identifiers at all.
 */
public record Customer(List<Identity> identities, String name, String locale, String timeZone) {

    public static final Customer ANONYMOUS = new Customer(List.of(), null, null, null);

    public Customer {
        identities = List.copyOf(identities);
    }

    public boolean isAnonymous() {
        return identities.isEmpty();
    }

    public Optional<Identity> identity(IdentityType type) {
        return identities.stream().filter(i -> i.type() == type).findFirst();
    }
}
