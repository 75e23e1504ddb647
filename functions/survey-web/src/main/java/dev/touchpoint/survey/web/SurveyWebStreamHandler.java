package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** survey-web's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link SurveyWebHandler}. */
public final class SurveyWebStreamHandler extends JsonStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public SurveyWebStreamHandler() {
        super("survey-web", APIGatewayV2HTTPEvent.class, new SurveyWebHandler());
    }
}
