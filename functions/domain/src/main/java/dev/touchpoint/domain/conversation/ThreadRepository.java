package dev.touchpoint.domain.conversation;

import java.util.Collection;
import java.util.List;

/** Port: the thread of messages with a customer. */
public interface ThreadRepository {

    /** @return false when this entry (by id) was stored before: a redelivered message */
    boolean append(ThreadEntry entry);

    /** Erasure: deletes every thread entry of these profiles. */
    void erase(Collection<String> profileIds);

        List<ThreadEntry> forProfiles(Collection<String> profileIds);
}
