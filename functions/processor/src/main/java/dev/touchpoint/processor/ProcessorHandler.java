package dev.touchpoint.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point for the SQS event source of the feedback queue (with ReportBatchItemFailures). */
public final class ProcessorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final FeedbackBatchProcessor PROCESSOR = ProcessorWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("processor", () -> ProcessorWiring.prime(Environment.system(), PROCESSOR));
        }
    }

    private final FeedbackBatchProcessor processor;

    public ProcessorHandler() {
        this(FromEnvironment.PROCESSOR);
    }

    public ProcessorHandler(FeedbackBatchProcessor processor) {
        this.processor = processor;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return processor.process(event, JsonLines.of("processor", context));
    }
}
