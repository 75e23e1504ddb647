package dev.touchpoint.domain.privacy;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which channels an identifier's kept consent speaks for: an email address for email, a phone for SMS
 * and WhatsApp, a WhatsApp or Messenger account for its own channel. Both erasure (what to keep) and
 * every send (what still holds) read it the same way.
 */
public final class KeptConsent {

    private static final Map<IdentityType, Set<String>> CHANNELS = Map.of(
            IdentityType.EMAIL, Set.of("email"),
            IdentityType.PHONE, Set.of("sms", "whatsapp"),
            IdentityType.WHATSAPP_ID, Set.of("whatsapp"),
            IdentityType.WHATSAPP_USER_ID, Set.of("whatsapp"),
            IdentityType.MESSENGER_ID, Set.of("messenger"));

    private KeptConsent() {
    }

    public static Set<String> channelsOf(Identity identity) {
        return CHANNELS.getOrDefault(identity.type(), Set.of());
    }

    /**
     * The channels kept closed to any of {@code identities}: those recorded under each one's keyed hash
     * that it speaks for. Read before every send.
     */
    public static Set<String> closedTo(Collection<Identity> identities, SuppressionList suppressions, KeyedHashes hashes) {
        Map<String, Identity> byKey = new HashMap<>();
        identities.stream().filter(identity -> !channelsOf(identity).isEmpty())
                .forEach(identity -> byKey.put(hashes.suppressionKey(identity), identity));
        Set<String> closed = new HashSet<>();
        suppressions.closedChannels(byKey.keySet()).forEach((key, channels) -> closed.addAll(toKeep(byKey.get(key), channels)));
        return closed;
    }

    /** Of the channels closed to a person, those this identifier's kept consent speaks for. */
    public static Set<String> toKeep(Identity identity, Set<String> closedChannels) {
        Set<String> kept = new HashSet<>(closedChannels);
        kept.retainAll(channelsOf(identity));
        return kept;
    }
}
