package dev.touchpoint.aws.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/** Stops handling a request with a ready problem answer (a client's mistake: 4xx). */
public class ProblemException extends RuntimeException {

    private final transient APIGatewayV2HTTPResponse response;

    public ProblemException(APIGatewayV2HTTPResponse response) {
        super("problem " + response.getStatusCode(), null, false, false);
        this.response = response;
    }

    public APIGatewayV2HTTPResponse response() {
        return response;
    }
}
