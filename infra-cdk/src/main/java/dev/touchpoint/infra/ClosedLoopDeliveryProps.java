package dev.touchpoint.infra;

import java.util.Objects;
import java.util.Optional;

/**
 * What closed-loop delivery is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param stage the table, settings, jars and removal policy
 * @param pipeline the feedback queue and its processor
 * @param webhookUrls name=https://… pairs of outgoing webhooks; empty: none
 */
public record ClosedLoopDeliveryProps(
        StageProps stage,
        FeedbackPipeline pipeline,
        Optional<String> webhookUrls) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link ClosedLoopDeliveryProps}. */
    public static final class Builder extends OnThePipelineBuilder<Builder> {
        private Optional<String> webhookUrls = Optional.empty();

        private Builder() {
        }

        public Builder webhookUrls(Optional<String> webhookUrls) {
            this.webhookUrls = webhookUrls;
            return this;
        }

        public ClosedLoopDeliveryProps build() {
            return new ClosedLoopDeliveryProps(stage(),
                    pipeline(),
                    Objects.requireNonNull(webhookUrls, "webhookUrls"));
        }
    }
}
