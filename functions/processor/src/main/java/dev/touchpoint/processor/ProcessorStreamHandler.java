package dev.touchpoint.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.lambda.JsonEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** processor's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link ProcessorHandler}. */
public final class ProcessorStreamHandler implements RequestStreamHandler {

    private final JsonEvents<SQSEvent, SQSBatchResponse> events = JsonEvents.bind("processor", SQSEvent.class, ProcessorHandler::new);

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        events.handle(event, answer, context);
    }
}
