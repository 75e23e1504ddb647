package dev.touchpoint.domain.feedback;

/**
 * Port: a submission's content written out canonically, the same text for the same content whatever
 * order its fields came in. Its hash is the content key of a submission without an externalId
 * ({@link IdempotencyKeys}); the wire module's {@code SubmissionWriter::canonical} writes it as JSON.
 */
@FunctionalInterface
public interface SubmissionContent {

    String canonical(FeedbackSubmission submission);
}
