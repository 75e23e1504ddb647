package dev.touchpoint.delivery;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.lambda.JsonStreamHandler;
import java.util.Map;

/** delivery-events's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link DeliveryEventsHandler}. */
public final class DeliveryEventsStreamHandler extends JsonStreamHandler<SNSEvent, Map<String, Integer>> {

    public DeliveryEventsStreamHandler() {
        super("delivery-events", SNSEvent.class, new DeliveryEventsHandler());
    }
}
