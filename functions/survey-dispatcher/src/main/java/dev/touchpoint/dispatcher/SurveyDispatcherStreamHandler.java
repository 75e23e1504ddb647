package dev.touchpoint.dispatcher;

import dev.touchpoint.aws.lambda.JsonStreamHandler;
import java.util.Map;

/**
 * survey-dispatcher's Lambda entry point (the CDK app names it): the scheduler's plain event read by our
 * Jackson, handled by {@link SurveyDispatcherHandler}. Given the typed handler, Lambda's runtime would
 * bind the map with its own shaded Jackson (about 100 ms of a cold start).
 */
public final class SurveyDispatcherStreamHandler extends JsonStreamHandler<Map<String, Object>, Map<String, Object>> {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Class<Map<String, Object>> PLAIN_MAP = (Class) Map.class;

    public SurveyDispatcherStreamHandler() {
        super("survey-dispatcher", PLAIN_MAP, new SurveyDispatcherHandler());
    }
}
