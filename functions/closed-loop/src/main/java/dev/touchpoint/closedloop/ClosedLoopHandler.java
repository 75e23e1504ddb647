package dev.touchpoint.closedloop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point for the SQS event source of the closed-loop queue (with ReportBatchItemFailures). */
public final class ClosedLoopHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final ClosedLoopBatch BATCH = ClosedLoopWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("closed-loop", () -> ClosedLoopWiring.prime(Environment.system()));
        }
    }

    private final ClosedLoopBatch batch;

    public ClosedLoopHandler() {
        this(FromEnvironment.BATCH);
    }

    public ClosedLoopHandler(ClosedLoopBatch batch) {
        this.batch = batch;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, JsonLines.of("closed-loop", context));
    }
}
