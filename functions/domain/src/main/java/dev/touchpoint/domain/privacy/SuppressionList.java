package dev.touchpoint.domain.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Port: the consent that outlives a person's erasure. Erasure keeps, under the keyed hash of each
 * erased identifier ({@link KeyedHashes#suppressionKey}), the channels it had opted out of or been
 * suppressed on; every send to an address consults it, so an erased customer who had unsubscribed is
 * not surveyed again when a new service event names them.
 */
public interface SuppressionList {

    /** Adds channels closed to the identifier behind {@code key}. */
    void keep(String key, Set<String> channels, Instant at);

    /** The channels closed to each of these keys (a key without a record is left out). */
    Map<String, Set<String>> closedChannels(Set<String> keys);

    /** The customer asked to hear from us again on this channel (START): the kept opt-out goes. */
    void reopen(String key, String channel);
}
