package dev.touchpoint.ingest.sms;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** ingest-sms's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link TwoWaySmsHandler}. */
public final class TwoWaySmsStreamHandler extends JsonStreamHandler<SNSEvent, Integer> {

    public TwoWaySmsStreamHandler() {
        super("ingest-sms", SNSEvent.class, new TwoWaySmsHandler());
    }
}
