package dev.touchpoint.wire.response;


import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.queue.UnreadableMessageException;
import dev.touchpoint.domain.response.DetractorAlerts.DetractorAlert;
import dev.touchpoint.wire.json.StrictJson;

/** A {@link DetractorAlert} as SNS and the closed-loop queue carry it: the response and the score, never who or what they wrote. */
public final class DetractorAlertJson {

    private DetractorAlertJson() {
    }

    public static String write(DetractorAlert alert) {
        return StrictJson.write(StrictJson.object().put("kind", DetractorAlert.KIND).put("responseId", alert.responseId())
                .put("profileId", alert.profileId()).put("channel", alert.channel()).put("touchpoint", alert.touchpoint())
                .put("surveyId", alert.surveyId()).put("questionId", alert.questionId()).put("type", alert.type())
                .put("score", alert.score()));
    }

    public static DetractorAlert read(JsonNode root) {
        if (!DetractorAlert.KIND.equals(root.path("kind").asText()) || root.path("responseId").asText("").isEmpty()
                || !root.path("score").canConvertToInt()) {
            throw new UnreadableMessageException("detractor alert without responseId or score");
        }
        return new DetractorAlert(root.get("responseId").asText(), text(root, "profileId"), text(root, "channel"),
                text(root, "touchpoint"), text(root, "surveyId"), text(root, "questionId"), text(root, "type"),
                root.get("score").asInt());
    }

    private static String text(JsonNode root, String field) {
        return root.hasNonNull(field) ? root.get(field).asText() : null;
    }
}
