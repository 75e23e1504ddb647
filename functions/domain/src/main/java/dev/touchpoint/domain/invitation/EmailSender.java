package dev.touchpoint.domain.invitation;

/** Port: sends one email (SES in AWS, the outbox locally). @return the provider's message id */
public interface EmailSender {

    String send(OutgoingEmail email);
}
