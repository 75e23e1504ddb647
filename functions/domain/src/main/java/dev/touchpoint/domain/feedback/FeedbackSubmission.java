package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.identity.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a customer said, normalised and valid, as any channel hands it in: the contract's feedback
 * submission. Optional parts are null.
 */
public record FeedbackSubmission(
        String externalId,
        Channel channel,
        String touchpoint,
        String surveyId,
        Customer customer,
        List<Answer> answers,
        Instant submittedAt) {

    public FeedbackSubmission {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        answers = List.copyOf(answers);
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a submission carries at least one answer");
        }
    }

    /** The same submission answering this survey. */
    public FeedbackSubmission withSurvey(String id) {
        return new FeedbackSubmission(externalId, channel, touchpoint, id, customer, answers, submittedAt);
    }

    /** The same submission without the time its sender claims (anonymous routes take the time of receipt). */
    public FeedbackSubmission receivedNow() {
        return new FeedbackSubmission(externalId, channel, touchpoint, surveyId, customer, answers, null);
    }

    /** The same submission from this customer (its identifiers claimed, say, when an anonymous visitor sent it). */
    public FeedbackSubmission withCustomer(Customer other) {
        return new FeedbackSubmission(externalId, channel, touchpoint, surveyId, other, answers, submittedAt);
    }
}
