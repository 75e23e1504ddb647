package dev.touchpoint.infra;

import java.util.Objects;

/**
 * The two parts every construct on the feedback pipeline is built from, named once for the four
 * props builders that need them: the stage (table, settings, jars, removal policy) and the pipeline
 * (the feedback queue and its processor).
 *
 * @param <B> the props builder itself, so that each setter returns it
 */
abstract class OnThePipelineBuilder<B extends OnThePipelineBuilder<B>> {

    private StageProps stage;
    private FeedbackPipeline pipeline;

    public B stage(StageProps stage) {
        this.stage = stage;
        return self();
    }

    public B pipeline(FeedbackPipeline pipeline) {
        this.pipeline = pipeline;
        return self();
    }

    /** The stage; a builder that was never given one fails at synth, naming it. */
    StageProps stage() {
        return Objects.requireNonNull(stage, "stage");
    }

    FeedbackPipeline pipeline() {
        return Objects.requireNonNull(pipeline, "pipeline");
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
