package dev.touchpoint.wire.json;

/** Input that is not one well-formed, bounded JSON document. The message is safe to show the client. */
public class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String message) {
        super(message);
    }
}
