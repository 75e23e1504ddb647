package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.SubmissionReader;
import dev.touchpoint.domain.json.MalformedJsonException;
import dev.touchpoint.domain.json.StrictJson;
import java.nio.charset.CharacterCodingException;

/**
 * {@code POST /v1/feedback}: 415 for anything but JSON, 413 above {@value #MAX_BODY_BYTES} bytes, 400
 * with field-level errors for invalid JSON or content, and 202 with the response id only once the
 * queue has accepted the event.
 */
final class FeedbackRoute {

    static final String ROUTE = "POST /v1/feedback";
    /** A submission with 50 long text answers fits; anything larger is not feedback. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final SubmissionReader reader;
    private final FeedbackIntake intake;

    FeedbackRoute(SubmissionReader reader, FeedbackIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String path = request.path();
        if (!request.mediaType().map("application/json"::equals).orElse(false)) {
            return HttpResponses.problem(415, "unsupported-media-type", "Unsupported media type",
                    "Send the feedback as application/json.", path);
        }
        int size = request.bodySize();
        if (size > MAX_BODY_BYTES) {
            return HttpResponses.problem(413, "payload-too-large", "Payload too large",
                    "A feedback submission may be at most " + MAX_BODY_BYTES + " bytes; this one has " + size + ".", path);
        }
        if (size < 0) {
            return HttpResponses.problem(400, "invalid-encoding", "Invalid encoding",
                    "The body is marked Base64 but is not valid Base64.", path);
        }
        try {
            FeedbackSubmission submission = reader.read(StrictJson.read(request.bodyText()));
            FeedbackEvent event = intake.accept(submission);
            return HttpResponses.json(202, StrictJson.object().put("id", event.responseId()).put("status", "accepted"));
        } catch (CharacterCodingException e) {
            return HttpResponses.problem(400, "invalid-encoding", "Invalid encoding", "The body is not valid UTF-8.", path);
        } catch (MalformedJsonException e) {
            return HttpResponses.problem(400, "malformed-json", "Malformed JSON", e.getMessage(), path);
        } catch (InvalidSubmissionException e) {
            return HttpResponses.invalid(e.getMessage(), e.errors(), path);
        }
    }
}
