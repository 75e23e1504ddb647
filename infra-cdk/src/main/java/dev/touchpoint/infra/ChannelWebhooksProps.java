package dev.touchpoint.infra;

import java.util.Objects;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * What the channel webhooks are built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param stage the table, settings, jars and removal policy
 * @param pipeline the feedback queue and its processor
 * @param surveyTokenKey signs the survey links in replies
 * @param asyncFailures where the SNS-triggered function's failed events go
 * @param publicUrl the address providers are given (signatures are over it)
 */
public record ChannelWebhooksProps(
        StageProps stage,
        FeedbackPipeline pipeline,
        Secret surveyTokenKey,
        Queue asyncFailures,
        String publicUrl) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link ChannelWebhooksProps}. */
    public static final class Builder extends OnThePipelineBuilder<Builder> {
        private Secret surveyTokenKey;
        private Queue asyncFailures;
        private String publicUrl;

        private Builder() {
        }

        public Builder surveyTokenKey(Secret surveyTokenKey) {
            this.surveyTokenKey = surveyTokenKey;
            return this;
        }

        public Builder asyncFailures(Queue asyncFailures) {
            this.asyncFailures = asyncFailures;
            return this;
        }

        public Builder publicUrl(String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        public ChannelWebhooksProps build() {
            return new ChannelWebhooksProps(stage(),
                    pipeline(),
                    Objects.requireNonNull(surveyTokenKey, "surveyTokenKey"),
                    Objects.requireNonNull(asyncFailures, "asyncFailures"),
                    Objects.requireNonNull(publicUrl, "publicUrl"));
        }
    }
}
