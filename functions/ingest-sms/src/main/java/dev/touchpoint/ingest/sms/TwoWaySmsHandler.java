package dev.touchpoint.ingest.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point for the two-way SMS topic; {@link TwoWaySmsWiring} builds what it holds. */
public final class TwoWaySmsHandler implements RequestHandler<SNSEvent, Integer> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final TwoWaySms SMS = TwoWaySmsWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("ingest-sms", () -> TwoWaySmsWiring.prime(Environment.system()));
        }
    }

    private final TwoWaySms sms;

    public TwoWaySmsHandler() {
        this(FromEnvironment.SMS);
    }

    public TwoWaySmsHandler(TwoWaySms sms) {
        this.sms = sms;
    }

    @Override
    public Integer handleRequest(SNSEvent event, Context context) {
        return sms.handle(event, JsonLines.of("ingest-sms", context));
    }
}
