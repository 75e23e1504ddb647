package dev.touchpoint.domain.queue;

/** A queue message that no retry will make readable: it belongs in the DLQ, with this reason. */
public class UnreadableMessageException extends RuntimeException {

    public UnreadableMessageException(String reason) {
        super(reason);
    }
}
