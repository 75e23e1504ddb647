package dev.touchpoint.ingest.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.lambda.JsonEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** ingest-sms's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link TwoWaySmsHandler}. */
public final class TwoWaySmsStreamHandler implements RequestStreamHandler {

    private final JsonEvents<SNSEvent, Integer> events = JsonEvents.bind("ingest-sms", SNSEvent.class, TwoWaySmsHandler::new);

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        events.handle(event, answer, context);
    }
}
