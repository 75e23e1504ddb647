package dev.touchpoint.infra;

import java.util.Objects;

/**
 * What survey dispatch is built from. Built with {@link #builder()}: each part named, none
 * forgotten (a missing one fails at synth).
 *
 * @param stage the table, settings, jars and removal policy
 * @param pipeline the feedback queue and its processor
 * @param email the SES configuration set and its delivery events
 * @param publicUrl where survey links point (the custom domain, else the API's URL)
 */
public record SurveyDispatchProps(
        StageProps stage,
        FeedbackPipeline pipeline,
        SurveyEmail email,
        String publicUrl) {

    public static Builder builder() {
        return new Builder();
    }

    /** Names each part of a {@link SurveyDispatchProps}. */
    public static final class Builder extends OnThePipelineBuilder<Builder> {
        private SurveyEmail email;
        private String publicUrl;

        private Builder() {
        }

        public Builder email(SurveyEmail email) {
            this.email = email;
            return this;
        }

        public Builder publicUrl(String publicUrl) {
            this.publicUrl = publicUrl;
            return this;
        }

        public SurveyDispatchProps build() {
            return new SurveyDispatchProps(stage(),
                    pipeline(),
                    Objects.requireNonNull(email, "email"),
                    Objects.requireNonNull(publicUrl, "publicUrl"));
        }
    }
}
