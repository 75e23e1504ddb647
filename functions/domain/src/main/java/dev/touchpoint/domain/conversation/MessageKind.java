package dev.touchpoint.domain.conversation;

import java.util.Locale;

/**
 * What a message on a thread is, beyond its text. Only a {@link #MESSAGE} a person wrote and a
 * {@link #FORM} they filled in are read for keywords, scores and comments; the others are kept on the thread for the team to see.
 */
public enum MessageKind {
    /** Written by the customer (or, outbound, sent to them). */
    MESSAGE,
    /** An auto-reply, out-of-office or delivery report (RFC 3834): never read, never answered. */
    AUTOMATIC,
    /** A message to the {@code List-Unsubscribe} mailto address: opts the address out of that channel, unanswered. */
    UNSUBSCRIBE,
    /** An emoji reaction to one of our messages. */
    REACTION,
    /** A tap on a button that answers nothing (Messenger's "Get Started"). */
    POSTBACK,
    /**
     * A form's answers (a WhatsApp Flow): its payload is the score, its text the comment, both read
     * whole (a button's text is only its title).
     */
    FORM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageKind fromWire(String name) {
        return name == null ? MESSAGE : valueOf(name.toUpperCase(Locale.ROOT));
    }
}
