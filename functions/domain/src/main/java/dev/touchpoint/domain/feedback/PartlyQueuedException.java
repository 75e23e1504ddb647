package dev.touchpoint.domain.feedback;

import java.util.Set;
import java.util.TreeSet;

/**
 * {@link FeedbackQueue#enqueueAll} could not queue every message: {@code notQueued} holds the positions
 * (in the list handed over) of those it did not; every other one is queued. A caller that answers per
 * message says exactly which to send again, never that nothing was stored when something was.
 */
public final class PartlyQueuedException extends RuntimeException {

    private final Set<Integer> notQueued;

    public PartlyQueuedException(Set<Integer> notQueued, String reason, Throwable cause) {
        super(notQueued.size() + " messages not queued: " + reason, cause);
        this.notQueued = Set.copyOf(new TreeSet<>(notQueued));
    }

    public Set<Integer> notQueued() {
        return notQueued;
    }
}
