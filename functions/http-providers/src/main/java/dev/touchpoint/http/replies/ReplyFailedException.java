package dev.touchpoint.http.replies;

/**
 * A provider did not take a reply. The answers are already recorded and the thread holds the message,
 * so the redelivery that follows changes nothing: replies are at most once, like invitations.
 */
public class ReplyFailedException extends RuntimeException {

    public ReplyFailedException(String message) {
        super(message);
    }
}
