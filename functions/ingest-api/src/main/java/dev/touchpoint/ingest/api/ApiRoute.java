package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;

/** One route of this function: the route key it serves ({@code POST /v1/feedback}) and how. */
interface ApiRoute {

    String routeKey();

    APIGatewayV2HTTPResponse handle(HttpRequest request);
}
