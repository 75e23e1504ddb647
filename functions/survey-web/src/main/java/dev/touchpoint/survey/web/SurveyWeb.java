package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.contract.ApiFunction;
import dev.touchpoint.contract.Route;
import java.util.Optional;

/** Routes survey-web's paths; a failure of ours is a plain 503 page, never internals. */
public final class SurveyWeb {

    private final InvitationSurveyRoute invitations;
    private final TouchpointSurveyRoute touchpoints;
    private final QrCodeRoute qrCodes;
    private final WidgetRoute widget;

    SurveyWeb(InvitationSurveyRoute invitations, TouchpointSurveyRoute touchpoints, QrCodeRoute qrCodes, WidgetRoute widget) {
        this.invitations = invitations;
        this.touchpoints = touchpoints;
        this.qrCodes = qrCodes;
        this.widget = widget;
    }

    public APIGatewayV2HTTPResponse handle(HttpRequest request, EventLog log) {
        Optional<Route.Match> match = request.route().filter(m -> m.route().function() == ApiFunction.SURVEY_WEB);
        if (match.isEmpty()) {
            return HttpResponses.noRoute(request.method(), request.path());
        }
        try {
            return answer(request, match.get());
        } catch (RuntimeException e) {
            log.error("request.failed", null, match.get().route().key() + " failed: " + e.getClass().getName());
            return Pages.html(503, SurveyPage.message("Touchpoint", "Please try again in a moment.", "en"));
        }
    }

    private APIGatewayV2HTTPResponse answer(HttpRequest request, Route.Match match) {
        return switch (match.route()) {
            case SHOW_INVITATION_SURVEY -> invitations.get(request, match.pathParameter("token"));
            case ANSWER_INVITATION_SURVEY -> invitations.post(request, match.pathParameter("token"));
            case SHOW_KIOSK_SURVEY -> touchpoints.get(request, match.pathParameter("touchpoint"), SurveyPage.Mode.KIOSK);
            case ANSWER_KIOSK_SURVEY -> touchpoints.post(request, match.pathParameter("touchpoint"), SurveyPage.Mode.KIOSK);
            case SHOW_QR_SURVEY -> touchpoints.get(request, match.pathParameter("touchpoint"), SurveyPage.Mode.QR);
            case ANSWER_QR_SURVEY -> touchpoints.post(request, match.pathParameter("touchpoint"), SurveyPage.Mode.QR);
            case GET_WIDGET_SCRIPT -> widget.script(request);
            case GET_WIDGET_SURVEY -> widget.survey(request, match.pathParameter("id"));
            case GET_TOUCHPOINT_QR_CODE -> qrCodes.get(request, match.pathParameter("id"));
            default -> throw new IllegalStateException(match.route() + " is not survey-web's");
        };
    }
}
