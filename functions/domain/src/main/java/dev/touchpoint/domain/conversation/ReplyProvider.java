package dev.touchpoint.domain.conversation;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who carries a conversation's messages: a customer's message arrives through one, and the team's reply
 * goes back through the same. Written on the wire, in threads and in metrics by {@link #wireName()}.
 */
public enum ReplyProvider {
    TWILIO("twilio"),
    META("meta"),
    /** AWS End User Messaging two-way SMS: in through SNS, out through SNS. */
    AWS_SMS("aws-sms"),
    /** Email: replies to our survey mail come in through SES receiving, ours go out through SES. */
    SES("ses");

    private final String wireName;

    ReplyProvider(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReplyProvider> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(provider -> provider.wireName.equals(wireName)).findFirst();
    }
}
