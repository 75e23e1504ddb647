package dev.touchpoint.dispatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.domain.invitation.InvitationDispatcher;
import java.util.Map;

/** Lambda entry point for the schedule; the event's content does not matter, only that a minute passed. */
public final class SurveyDispatcherHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final InvitationDispatcher DISPATCHER = SurveyDispatcherWiring.build(Environment.system());
    }

    private final InvitationDispatcher dispatcher;
    private final EmfMetrics metrics;

    public SurveyDispatcherHandler() {
        this(FromEnvironment.DISPATCHER, EmfMetrics.from(Environment.system(), "survey-dispatcher"));
    }

    public SurveyDispatcherHandler(InvitationDispatcher dispatcher, EmfMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return DispatchReport.tell(dispatcher.run(), JsonLines.of("survey-dispatcher", context), metrics);
    }
}
