package dev.touchpoint.infra;

import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.Queue;

/**
 * What the channel webhooks are built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param store the table of profiles and delivery counters
 * @param pipeline the queue inbound messages go to
 * @param surveyTokenKey signs the survey links in replies
 * @param asyncFailures where the SNS-triggered function's failed events go
 * @param publicUrl the address providers are given (signatures are over it)
 * @param config the stage's settings
 * @param jars where the function jars are
 * @param removal what happens to logs and secrets when the stack goes
 */
public record ChannelWebhooksProps(
        FeedbackStore store,
        FeedbackPipeline pipeline,
        Secret surveyTokenKey,
        Queue asyncFailures,
        String publicUrl,
        StageConfig config,
        FunctionJars jars,
        RemovalPolicy removal) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link ChannelWebhooksProps}. */
    public static final class Builder {
        private FeedbackStore store;
        private FeedbackPipeline pipeline;
        private Secret surveyTokenKey;
        private Queue asyncFailures;
        private String publicUrl;
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

        public ChannelWebhooksProps build() {
            return new ChannelWebhooksProps(Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(pipeline, "pipeline"),
                    Objects.requireNonNull(surveyTokenKey, "surveyTokenKey"),
                    Objects.requireNonNull(asyncFailures, "asyncFailures"),
                    Objects.requireNonNull(publicUrl, "publicUrl"),
                    Objects.requireNonNull(config, "config"),
                    Objects.requireNonNull(jars, "jars"),
                    Objects.requireNonNull(removal, "removal"));
        }
    }
}
