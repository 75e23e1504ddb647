package dev.touchpoint.closedloop;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** closed-loop's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link ClosedLoopHandler}. */
public final class ClosedLoopStreamHandler extends JsonStreamHandler<SQSEvent, SQSBatchResponse> {

    public ClosedLoopStreamHandler() {
        super("closed-loop", SQSEvent.class, new ClosedLoopHandler());
    }
}
