package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpResponses;

/** A survey page as an answer: its content security policy runs the pages' one script, by hash, and no other. */
final class Pages {

    private Pages() {
    }

    static APIGatewayV2HTTPResponse html(int status, String html) {
        return HttpResponses.html(status, html, SurveyPage.SCRIPT_SOURCE);
    }
}
