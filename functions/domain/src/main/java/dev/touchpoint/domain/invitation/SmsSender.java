package dev.touchpoint.domain.invitation;

/** Port: sends one SMS (SNS in AWS, the outbox locally). @return the provider's message id */
public interface SmsSender {

    String send(OutgoingSms sms);
}
