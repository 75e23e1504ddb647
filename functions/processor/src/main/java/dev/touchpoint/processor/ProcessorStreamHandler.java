package dev.touchpoint.processor;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** processor's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link ProcessorHandler}. */
public final class ProcessorStreamHandler extends JsonStreamHandler<SQSEvent, SQSBatchResponse> {

    public ProcessorStreamHandler() {
        super("processor", SQSEvent.class, new ProcessorHandler());
    }
}
