package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.aws.logging.EventLog;

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
        String[] parts = request.path().split("/", -1);
        boolean get = request.method().equals("GET");
        boolean post = request.method().equals("POST");
        try {
            if (parts.length == 3 && parts[1].equals("s") && (get || post)) {
                return get ? invitations.get(request, parts[2]) : invitations.post(request, parts[2]);
            }
            if (parts.length == 3 && (parts[1].equals("k") || parts[1].equals("q")) && (get || post)) {
                SurveyPage.Mode mode = parts[1].equals("k") ? SurveyPage.Mode.KIOSK : SurveyPage.Mode.QR;
                return get ? touchpoints.get(request, parts[2], mode) : touchpoints.post(request, parts[2], mode);
            }
            if (get && request.path().equals("/widget.js")) {
                return widget.script(request);
            }
            if (parts.length == 4 && get && parts[1].equals("w") && parts[2].equals("surveys")) {
                return widget.survey(request, parts[3]);
            }
            if (parts.length == 5 && get && parts[1].equals("v1") && parts[2].equals("touchpoints") && parts[4].equals("qr.svg")) {
                return qrCodes.get(request, parts[3]);
            }
            return HttpResponses.problem(404, ProblemType.NOT_FOUND, "survey-web serves /s/{token}, /k/{touchpoint}, "
                    + "/q/{touchpoint}, /v1/touchpoints/{id}/qr.svg, /widget.js and /w/surveys/{id}.", request.path());
        } catch (RuntimeException e) {
            log.error("request.failed", null, request.method() + " /" + parts[Math.min(1, parts.length - 1)] + " failed: "
                    + e.getClass().getName());
            return Pages.html(503, SurveyPage.message("Touchpoint", "Please try again in a moment.", "en"));
        }
    }
}
