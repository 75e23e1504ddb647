package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.lambda.JsonStreamHandler;

/** reporting-api's Lambda entry point (the CDK app names it): the event read by our Jackson, handled by {@link ReportingApiHandler}. */
public final class ReportingApiStreamHandler extends JsonStreamHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public ReportingApiStreamHandler() {
        super("reporting-api", APIGatewayV2HTTPEvent.class, new ReportingApiHandler());
    }
}
