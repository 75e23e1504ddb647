package dev.touchpoint.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;
import java.util.Map;

/** Lambda entry point for the SNS topics of SES events and SMS delivery events. */
public final class DeliveryEventsHandler implements RequestHandler<SNSEvent, Map<String, Integer>> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final DeliveryReportProcessor PROCESSOR = DeliveryEventsWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("delivery-events", () -> DeliveryEventsWiring.prime(Environment.system(), PROCESSOR));
        }
    }

    private final DeliveryReportProcessor processor;

    public DeliveryEventsHandler() {
        this(FromEnvironment.PROCESSOR);
    }

    public DeliveryEventsHandler(DeliveryReportProcessor processor) {
        this.processor = processor;
    }

    @Override
    public Map<String, Integer> handleRequest(SNSEvent event, Context context) {
        return processor.process(event, JsonLines.of("delivery-events", context));
    }
}
