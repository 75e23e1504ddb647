package dev.touchpoint.infra;

import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What closed-loop delivery is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param webhookUrls name=https://… pairs of outgoing webhooks; empty: none
 * @param store the table whose stream feeds the function
 * @param pipeline the processor, whose records are announced
 * @param jars where the function jars are
 * @param removal what happens to logs and secrets when the stack goes
 */
public record ClosedLoopDeliveryProps(
        Optional<String> webhookUrls,
        FeedbackStore store,
        FeedbackPipeline pipeline,
        FunctionJars jars,
        RemovalPolicy removal) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link ClosedLoopDeliveryProps}. */
    public static final class Builder {
        private Optional<String> webhookUrls = Optional.empty();
        private FeedbackStore store;
        private FeedbackPipeline pipeline;
        private FunctionJars jars;
        private RemovalPolicy removal;

        private Builder() {
        }

        public Builder webhookUrls(Optional<String> webhookUrls) {
            this.webhookUrls = webhookUrls;
            return this;
        }

        public Builder store(FeedbackStore store) {
            this.store = store;
            return this;
        }

        public Builder pipeline(FeedbackPipeline pipeline) {
            this.pipeline = pipeline;
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

        public ClosedLoopDeliveryProps build() {
            return new ClosedLoopDeliveryProps(Objects.requireNonNull(webhookUrls, "webhookUrls"),
                    Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(pipeline, "pipeline"),
                    Objects.requireNonNull(jars, "jars"),
                    Objects.requireNonNull(removal, "removal"));
        }
    }
}
