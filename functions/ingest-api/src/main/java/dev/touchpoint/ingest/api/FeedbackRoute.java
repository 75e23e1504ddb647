package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.JsonBodies;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.contract.Route;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.identity.Provenance;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.StrictJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/feedback}: 415 for anything but JSON, 413 above {@value #MAX_BODY_BYTES} bytes, 400
 * with field-level errors for invalid JSON or content, and 202 with the response id only once the
 * queue has accepted the event.
 */
final class FeedbackRoute implements ApiRoute {

    /** A submission with 50 long text answers fits; anything larger is not feedback. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final CheckedSubmissions reader;
    private final FeedbackIntake intake;

    FeedbackRoute(CheckedSubmissions reader, FeedbackIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Override
    public Route route() {
        return Route.SUBMIT_FEEDBACK;
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
            if (provenance.isClaimed()) {
                submission = anonymous(submission);
            }
            if (!channels.contains(submission.channel())) {
                return HttpResponses.problem(403, ProblemType.CHANNEL_NOT_ALLOWED,
                        "This key may submit feedback for " + channels.stream().map(Channel::wireName).sorted().toList() + " only.",
                        request.path());
            }
            FeedbackEvent event = intake.accept(submission);
            return HttpResponses.json(202, StrictJson.object().put("id", event.responseId()).put("status", "accepted"));
        } catch (InvalidSubmissionException e) {
            return HttpResponses.invalid(e.getMessage(), e.errors(), request.path());
        }
    }

    /**
     * What an anonymous caller (the widget) may send: a survey (named, or its registered touchpoint's), a
     * touchpoint only if registered for the channel, and no time of its own: the time of receipt counts,
     * so nobody rewrites history with a {@code submittedAt} of the year 2000.
     */
    private FeedbackSubmission anonymous(FeedbackSubmission submission) {
        List<FieldError> errors = new ArrayList<>();
        if (submission.touchpoint() != null && !reader.touchpoints().byId(submission.touchpoint())
                .map(t -> t.allows(submission.channel())).orElse(false)) {
            errors.add(new FieldError("/touchpoint", "Not a touchpoint registered for " + submission.channel().wireName()
                    + " (surveys/touchpoints.json)."));
        }
        if (submission.surveyId() == null) {
            errors.add(new FieldError("/surveyId", "Required from the widget: the survey it asks."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException("The feedback submission is not valid.", errors);
        }
        return submission.receivedNow();
    }
}
