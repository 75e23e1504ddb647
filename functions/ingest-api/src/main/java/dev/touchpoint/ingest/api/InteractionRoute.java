package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.JsonBodies;
import dev.touchpoint.contract.Route;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.interaction.InteractionEvent;
import dev.touchpoint.domain.interaction.ServiceInteraction;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.interaction.InteractionReader;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.util.List;

/**
 * {@code POST /v1/interactions}: a service event from a CRM, POS or helpdesk. Valid events are
 * queued (the processor resolves the customer and schedules the survey) and answered 202 with the
 * invitation id, which the caller's event id determines: a retry is the same invitation.
 */
final class InteractionRoute implements ApiRoute {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final InteractionReader reader;
    private final SurveyCatalog surveys;
    private final FeedbackQueue queue;
    private final KeyedHashes ids;
    private final Clock clock;

    InteractionRoute(InteractionReader reader, SurveyCatalog surveys, FeedbackQueue queue, KeyedHashes ids, Clock clock) {
        this.reader = reader;
        this.surveys = surveys;
        this.queue = queue;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Route route() {
        return Route.RECORD_INTERACTION;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        try {
            ServiceInteraction interaction = reader.read(JsonBodies.read(request, MAX_BODY_BYTES));
            if (interaction.surveyId() != null && surveys.byId(interaction.surveyId()).isEmpty()) {
                return HttpResponses.invalid("The service interaction is not valid.", List.of(new FieldError("/surveyId",
                        "No deployed survey has this id; known: " + surveys.all().stream().map(s -> s.id()).toList() + ".")),
                        request.path());
            }
            InteractionEvent event = new InteractionEvent(interaction, clock.instant(), ids.invitationId(interaction.id()));
            queue.enqueue(event);
            boolean surveyFollows = interaction.surveyId() != null || surveys.triggeredBy(interaction.type()).isPresent();
            return HttpResponses.json(202, StrictJson.object().put("invitationId", event.invitationId())
                    .put("status", "accepted").put("surveyScheduled", surveyFollows));
        } catch (InvalidSubmissionException e) {
            return HttpResponses.invalid(e.getMessage(), e.errors(), request.path());
        }
    }
}
