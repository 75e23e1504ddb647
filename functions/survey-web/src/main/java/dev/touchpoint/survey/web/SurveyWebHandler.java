package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.snapstart.Priming;

/** Lambda entry point for the survey pages and the QR code. */
public final class SurveyWebHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final SurveyWeb WEB = SurveyWebWiring.build(Environment.system());

        static {
            Priming.beforeSnapshot("survey-web", () -> SurveyWebWiring.prime(Environment.system()));
        }
    }

    private final SurveyWeb web;

    public SurveyWebHandler() {
        this(FromEnvironment.WEB);
    }

    public SurveyWebHandler(SurveyWeb web) {
        this.web = web;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return web.handle(new HttpRequest(event), JsonLines.of("survey-web", context));
    }
}
