package dev.touchpoint.dispatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.touchpoint.aws.lambda.JsonEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * survey-dispatcher's Lambda entry point (the CDK app names it): the scheduler's plain event read by our
 * Jackson, handled by {@link SurveyDispatcherHandler}. Given the typed handler, Lambda's runtime would
 * bind the map with its own shaded Jackson (about 100 ms of a cold start).
 */
public final class SurveyDispatcherStreamHandler implements RequestStreamHandler {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<Map<String, Object>> PLAIN_MAP = (Class) Map.class;

    private final JsonEvents<Map<String, Object>, Map<String, Object>> events = JsonEvents.bind("survey-dispatcher", PLAIN_MAP, SurveyDispatcherHandler::new);

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        events.handle(event, answer, context);
    }
}
