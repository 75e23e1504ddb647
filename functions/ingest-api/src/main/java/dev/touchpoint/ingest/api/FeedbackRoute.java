package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.JsonBodies;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.SubmissionReader;
import dev.touchpoint.domain.identity.Provenance;
import dev.touchpoint.domain.json.StrictJson;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code POST /v1/feedback}: 415 for anything but JSON, 413 above {@value #MAX_BODY_BYTES} bytes, 400
 * with field-level errors for invalid JSON or content, and 202 with the response id only once the
 * queue has accepted the event.
 */
final class FeedbackRoute implements ApiRoute {

    /** A submission with 50 long text answers fits; anything larger is not feedback. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final SubmissionReader reader;
    private final FeedbackIntake intake;

    FeedbackRoute(SubmissionReader reader, FeedbackIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Override
    public String routeKey() {
        return "POST /v1/feedback";
    }

    @Override
    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        return handle(request, EnumSet.allOf(Channel.class), Set.of("application/json"), Provenance.API_KEY);
    }

    /**
     * @param channels the channels the caller may submit for (a widget key: web and app only)
     * @param mediaTypes the body's media types the caller may send its JSON as
     * @param provenance how far the caller's word on the customer is trusted: an API key's is verified, a
     *                   public widget key's only claimed
     */
    APIGatewayV2HTTPResponse handle(HttpRequest request, Set<Channel> channels, Set<String> mediaTypes, Provenance provenance) {
        try {
            FeedbackSubmission read = reader.read(JsonBodies.read(request, MAX_BODY_BYTES, mediaTypes));
            FeedbackSubmission submission = read.withCustomer(read.customer().learnedAs(provenance));
            if (!channels.contains(submission.channel())) {
                return HttpResponses.problem(403, "channel-not-allowed", "Channel not allowed for this key",
                        "This key may submit feedback for " + channels.stream().map(Channel::wireName).sorted().toList() + " only.",
                        request.path());
            }
            FeedbackEvent event = intake.accept(submission);
            return HttpResponses.json(202, StrictJson.object().put("id", event.responseId()).put("status", "accepted"));
        } catch (InvalidSubmissionException e) {
            return HttpResponses.invalid(e.getMessage(), e.errors(), request.path());
        }
    }
}
