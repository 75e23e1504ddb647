package dev.touchpoint.infra;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * What inbound email is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param store the table of invitations and profiles
 * @param pipeline the queue replies go to
 * @param asyncFailures where mail that cannot be read goes after Lambda's retries
 * @param replyDomain the domain replies are received on; empty: no receipt rule set
 * @param config the stage's settings
 * @param jars where the function jars are
 * @param removal what happens to the mail bucket and logs when the stack goes
 */
public record InboundEmailProps(
        FeedbackStore store,
        FeedbackPipeline pipeline,
        Queue asyncFailures,
        Optional<String> replyDomain,
        StageConfig config,
        FunctionJars jars,
        RemovalPolicy removal) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link InboundEmailProps}. */
    public static final class Builder {
        private FeedbackStore store;
        private FeedbackPipeline pipeline;
        private Queue asyncFailures;
        private Optional<String> replyDomain = Optional.empty();
        private StageConfig config;
        private FunctionJars jars;
        private RemovalPolicy removal;

        private Builder() {
        }

        public Builder store(FeedbackStore store) {
            this.store = store;
            return this;
        }

        public Builder pipeline(FeedbackPipeline pipeline) {
            this.pipeline = pipeline;
            return this;
        }

        public Builder asyncFailures(Queue asyncFailures) {
            this.asyncFailures = asyncFailures;
            return this;
        }

        public Builder replyDomain(Optional<String> replyDomain) {
            this.replyDomain = replyDomain;
            return this;
        }

        public Builder config(StageConfig config) {
            this.config = config;
            return this;
        }

        public Builder jars(FunctionJars jars) {
            this.jars = jars;
            return this;
        }

        public Builder removal(RemovalPolicy removal) {
            this.removal = removal;
            return this;
        }

        public InboundEmailProps build() {
            return new InboundEmailProps(Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(pipeline, "pipeline"),
                    Objects.requireNonNull(asyncFailures, "asyncFailures"),
                    Objects.requireNonNull(replyDomain, "replyDomain"),
                    Objects.requireNonNull(config, "config"),
                    Objects.requireNonNull(jars, "jars"),
                    Objects.requireNonNull(removal, "removal"));
        }
    }
}
