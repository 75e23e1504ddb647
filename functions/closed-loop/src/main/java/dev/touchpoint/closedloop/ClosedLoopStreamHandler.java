package dev.touchpoint.closedloop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.lambda.JsonEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** closed-loop's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link ClosedLoopHandler}. */
public final class ClosedLoopStreamHandler implements RequestStreamHandler {

    private final JsonEvents<SQSEvent, SQSBatchResponse> events = JsonEvents.bind("closed-loop", SQSEvent.class, ClosedLoopHandler::new);

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        events.handle(event, answer, context);
    }
}
