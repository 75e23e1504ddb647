package dev.touchpoint.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.lambda.JsonEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** delivery-events's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link DeliveryEventsHandler}. */
public final class DeliveryEventsStreamHandler implements RequestStreamHandler {

    private final JsonEvents<SNSEvent, Map<String, Integer>> events = JsonEvents.bind("delivery-events", SNSEvent.class, DeliveryEventsHandler::new);

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        events.handle(event, answer, context);
    }
}
