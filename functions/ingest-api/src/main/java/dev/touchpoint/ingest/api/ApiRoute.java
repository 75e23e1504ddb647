package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.contract.Route;

/** One route of this function: the catalogue's route it serves and how. */
interface ApiRoute {

    Route route();

    APIGatewayV2HTTPResponse handle(HttpRequest request);
}
