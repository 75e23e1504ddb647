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

    /** Erasure: deletes every thread entry of these profiles. */
    void erase(Collection<String> profileIds);

    List<ThreadEntry> forProfiles(Collection<String> profileIds);
}
