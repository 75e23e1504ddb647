package dev.touchpoint.infra;

import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;

/**
 * What survey dispatch is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param store the table of invitations and profiles
 * @param pipeline the queue answers go to
 * @param email the SES configuration set and its delivery events
 * @param publicUrl where survey links point (the custom domain, else the API's URL)
 * @param config the stage's settings
 * @param jars where the function jars are
 * @param removal what happens to logs and secrets when the stack goes
 */
public record SurveyDispatchProps(
        FeedbackStore store,
        FeedbackPipeline pipeline,
        SurveyEmail email,
        String publicUrl,
        StageConfig config,
        FunctionJars jars,
        RemovalPolicy removal) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link SurveyDispatchProps}. */
    public static final class Builder {
        private FeedbackStore store;
        private FeedbackPipeline pipeline;
        private SurveyEmail email;
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

        public Builder email(SurveyEmail email) {
            this.email = email;
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

        public SurveyDispatchProps build() {
            return new SurveyDispatchProps(Objects.requireNonNull(store, "store"),
                    Objects.requireNonNull(pipeline, "pipeline"),
                    Objects.requireNonNull(email, "email"),
                    Objects.requireNonNull(publicUrl, "publicUrl"),
                    Objects.requireNonNull(config, "config"),
                    Objects.requireNonNull(jars, "jars"),
                    Objects.requireNonNull(removal, "removal"));
        }
    }
}
