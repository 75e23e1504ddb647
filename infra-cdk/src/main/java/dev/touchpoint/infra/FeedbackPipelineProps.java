package dev.touchpoint.infra;

import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What the feedback pipeline is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param store the table the processor writes
 * @param config the stage's settings
 * @param jars where the function jars are
 * @param logRemoval what happens to the log groups when the stack goes
 */
public record FeedbackPipelineProps(
        FeedbackStore store,
        StageConfig config,
        FunctionJars jars,
        RemovalPolicy logRemoval) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link FeedbackPipelineProps}. */
    public static final class Builder {
        private FeedbackStore store;
        private StageConfig config;
        private FunctionJars jars;
        private RemovalPolicy logRemoval;

        private Builder() {
        }

        public Builder store(FeedbackStore store) {
            this.store = store;
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

        public Builder logRemoval(RemovalPolicy logRemoval) {
            this.logRemoval = logRemoval;
            return this;
        }

        public FeedbackPipelineProps build() {
            return new FeedbackPipelineProps(Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(config, "config"),
                    Objects.requireNonNull(jars, "jars"),
                    Objects.requireNonNull(logRemoval, "logRemoval"));
        }
    }
}
