package dev.touchpoint.domain.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: the thread of messages with a customer. */
public interface ThreadRepository {

    /** @return false when this entry (by id) was stored before: a redelivered message */
    boolean append(ThreadEntry entry);

    /** The entry stored under this id, if any (read consistently: what a redelivered message stored before). */
    Optional<ThreadEntry> find(String entryId);

    /**
     * Records where one of our messages has got to; with a provider message id, that id will find the
     * entry again ({@link #findSent}).
     *
     * @param expected the delivery the entry holds now (null for none): the write is refused when another
     *                 writer changed it meanwhile
     * @return false when the entry no longer holds {@code expected}
     */
    boolean recordDelivery(ThreadEntry entry, Delivery expected);

    /** The entry of the message a provider knows by this id, if we sent it. */
    Optional<ThreadEntry> findSent(String provider, String providerMessageId);

    /** Erasure: deletes every thread entry of these profiles. */
    void erase(Collection<String> profileIds);

    List<ThreadEntry> forProfiles(Collection<String> profileIds);
}
