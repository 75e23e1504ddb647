package dev.touchpoint.infra;

import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What every construct with functions is built on: the one table, the stage's settings, the function jars, and what goes when the stack goes. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param store the one table
 * @param config the stage's settings
 * @param jars where the function jars are
 * @param removal what happens to logs, secrets and buckets when the stack goes
 */
public record StageProps(
        FeedbackStore store,
        StageConfig config,
        FunctionJars jars,
        RemovalPolicy removal) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link StageProps}. */
    public static final class Builder {
        private FeedbackStore store;
        private StageConfig config;
        private FunctionJars jars;
        private RemovalPolicy removal;

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

        public Builder removal(RemovalPolicy removal) {
            this.removal = removal;
            return this;
        }

        public StageProps build() {
            return new StageProps(Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(config, "config"),
                    Objects.requireNonNull(jars, "jars"),
                    Objects.requireNonNull(removal, "removal"));
        }
    }
}
