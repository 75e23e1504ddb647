package dev.touchpoint.domain.profile;

/** Writers kept overtaking each other; the event is retried later by the queue, which is safe. */
public class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message) {
        super(message);
    }
}
