package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.JsonBodies;
import dev.touchpoint.contract.Route;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.PartlyQueuedException;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.json.UnknownFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/feedback/batch}: up to {@value #MAX_SUBMISSIONS} of {@code POST /v1/feedback}'s
 * submissions in one request ({@code {"submissions": [...]}}), for servers that forward answers
 * collected elsewhere (an app backend flushing its users' answers, a CRM). Each is checked by the same
 * reader; the valid ones are queued together, ten to an SQS request, so a response costs a fraction of
 * an HTTP API request and of an invocation (docs/performance.md). 202 with one result per submission,
 * in order: its response id ({@code accepted}), its errors with pointers into the whole body
 * ({@code rejected}), or, should the queue take only some, {@code failed} (not stored: send it again).
 * When the queue took none, 503: then, and only then, nothing was stored.
 */
final class FeedbackBatchRoute implements ApiRoute {

    static final int MAX_SUBMISSIONS = 500;
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final CheckedSubmissions reader;
    private final FeedbackIntake intake;

    FeedbackBatchRoute(CheckedSubmissions reader, FeedbackIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Override
    public Route route() {
        return Route.SUBMIT_FEEDBACK_BATCH;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        // Each submission's text is checked with the rest of it, so one bad answer rejects only its submission.
        JsonNode body = JsonBodies.readDocument(request, MAX_BODY_BYTES, Set.of("application/json"));
        List<FieldError> shapeErrors = shapeErrors(body);
        if (!shapeErrors.isEmpty()) {
            return HttpResponses.invalid("The batch is not valid.", shapeErrors, request.path());
        }
        return queueValid(body.get("submissions"), request.path());
    }

    /** An object holding only a list of 1 to {@value #MAX_SUBMISSIONS} submissions. */
    private static List<FieldError> shapeErrors(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            return List.of(new FieldError("", "The body must be an object: {\"submissions\": [...]}."));
        }
        UnknownFields.reject(body, "", Set.of("submissions"), errors);
        JsonNode submissions = body.get("submissions");
        if (submissions == null || !submissions.isArray() || submissions.isEmpty() || submissions.size() > MAX_SUBMISSIONS) {
            errors.add(new FieldError("/submissions", "Send a list of 1 to " + MAX_SUBMISSIONS
                    + " submissions, each as POST /v1/feedback takes it; split larger batches."));
        }
        return errors;
    }

    /** Every submission is checked first; the valid ones are then queued together. */
    private APIGatewayV2HTTPResponse queueValid(JsonNode submissions, String path) {
        List<FeedbackSubmission> valid = new ArrayList<>();
        List<List<FieldError>> rejections = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            try {
                valid.add(reader.read(submissions.get(i)));
                rejections.add(null);
            } catch (InvalidSubmissionException e) {
                String at = "/submissions/" + i;
                rejections.add(e.errors().stream().map(error -> new FieldError(at + error.pointer(), error.detail())).toList());
            }
        }
        List<FeedbackEvent> events = intake.events(valid);
        Set<Integer> notQueued = Set.of();
        try {
            intake.queue(events);
        } catch (PartlyQueuedException e) {
            if (e.notQueued().size() == events.size()) {
                throw e; // nothing was stored: the caller's answer is the 503 that says so
            }
            notQueued = e.notQueued();
        }
        Iterator<FeedbackEvent> queued = events.iterator();
        ArrayNode results = StrictJson.array();
        int validIndex = 0;
        for (List<FieldError> errors : rejections) {
            if (errors == null) {
                String id = queued.next().responseId();
                if (notQueued.contains(validIndex++)) {
                    results.addObject().put("id", id).put("status", "failed")
                            .put("detail", "Not stored this time; send it again (it is stored once, however often it is sent).");
                } else {
                    results.addObject().put("id", id).put("status", "accepted");
                }
            } else {
                HttpResponses.fieldErrors(results.addObject().put("status", "rejected").putArray("errors"), errors);
            }
        }
        ObjectNode answer = StrictJson.object().put("accepted", valid.size() - notQueued.size())
                .put("rejected", submissions.size() - valid.size());
        if (!notQueued.isEmpty()) {
            answer.put("failed", notQueued.size());
        }
        answer.set("results", results);
        return HttpResponses.json(202, answer);
    }
}
