package dev.touchpoint.local;

/** The local runtime could not start, for a reason its message states in words a developer can act on. */
public final class LocalStartFailure extends RuntimeException {

    public LocalStartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
