package dev.touchpoint.infra;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * What inbound email is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param stage the table, settings, jars and removal policy
 * @param pipeline the feedback queue and its processor
 * @param asyncFailures where mail that cannot be read goes after Lambda's retries
 * @param replyDomain the domain replies are received on; empty: no receipt rule set
 */
public record InboundEmailProps(
        StageProps stage,
        FeedbackPipeline pipeline,
        Queue asyncFailures,
        Optional<String> replyDomain) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link InboundEmailProps}. */
    public static final class Builder extends OnThePipelineBuilder<Builder> {
        private Queue asyncFailures;
        private Optional<String> replyDomain = Optional.empty();

        private Builder() {
        }

        public Builder asyncFailures(Queue asyncFailures) {
            this.asyncFailures = asyncFailures;
            return this;
        }

        public Builder replyDomain(Optional<String> replyDomain) {
            this.replyDomain = replyDomain;
            return this;
        }

        public InboundEmailProps build() {
            return new InboundEmailProps(stage(),
                    pipeline(),
                    Objects.requireNonNull(asyncFailures, "asyncFailures"),
                    Objects.requireNonNull(replyDomain, "replyDomain"));
        }
    }
}
