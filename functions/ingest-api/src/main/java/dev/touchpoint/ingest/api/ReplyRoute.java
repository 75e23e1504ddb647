package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.JsonBodies;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.contract.Route;
import dev.touchpoint.domain.conversation.ReplyChannels;
import dev.touchpoint.domain.conversation.TeamReply;
import dev.touchpoint.domain.conversation.TeamReplyRequest;
import dev.touchpoint.domain.customer.ProfileLookup;
import dev.touchpoint.domain.customer.ProfileView;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.response.ResponseRepository;
import dev.touchpoint.wire.conversation.TeamReplyRequestReader;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/replies}: a team member answers a customer, from a response or from the profile.
 * The channel is chosen now ({@link ReplyChannels}) so the caller learns at once where it will go, or
 * why it cannot (409 with a {@code reason}); the reply is then queued, and the processor sends it and
 * adds it to the thread. The caller's {@code id} makes a retry the same reply.
 */
final class ReplyRoute implements ApiRoute {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final ProfileLookup lookup;
    private final ResponseRepository responses;
    private final FeedbackQueue queue;
    private final Clock clock;

    ReplyRoute(ProfileLookup lookup, ResponseRepository responses, FeedbackQueue queue, Clock clock) {
        this.lookup = lookup;
        this.responses = responses;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public Route route() {
        return Route.SEND_TEAM_REPLY;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        TeamReplyRequest ask;
        try {
            ask = TeamReplyRequestReader.read(JsonBodies.read(request, MAX_BODY_BYTES));
        } catch (InvalidSubmissionException e) {
            return HttpResponses.invalid(e.getMessage(), e.errors(), request.path());
        }
        Optional<ResponseRecord> answering = Optional.empty();
        if (ask.responseId() != null) {
            answering = responses.find(ask.responseId());
            if (answering.isEmpty()) {
                return HttpResponses.problem(404, ProblemType.RESPONSE_NOT_FOUND, "No response has this id.", request.path());
            }
        }
        String profileId = ask.profileId() != null ? ask.profileId() : answering.get().profileId();
        if (profileId == null) {
            return cannotReply("anonymous", "The response is anonymous: there is nobody to answer.", request);
        }
        Optional<ProfileView> view = lookup.byId(profileId);
        if (view.isEmpty()) {
            return HttpResponses.problem(404, ProblemType.PROFILE_NOT_FOUND, "No profile has this id.", request.path());
        }
        if (answering.isPresent() && !belongsTo(answering.get(), view.get())) {
            return cannotReply("not-this-customer", "The response is not this customer's.", request);
        }
        Instant now = clock.instant();
        try {
            ReplyChannels.Route route = ReplyChannels.choose(view.get().profile(), view.get().thread(), ask.channel(),
                    answering.map(ResponseRecord::channel).orElse(null), now);
            queue.enqueue(new TeamReply(ask.id(), view.get().profile().id(), route.channel(), route.provider(), ask.text(),
                    ask.author(), now));
            ObjectNode body = StrictJson.object().put("id", ask.id()).put("status", "accepted")
                    .put("profileId", view.get().profile().id()).put("channel", route.channel());
            return HttpResponses.json(202, body);
        } catch (ReplyChannels.CannotReplyException e) {
            return cannotReply(e.reason(), e.getMessage(), request);
        }
    }

    private static boolean belongsTo(ResponseRecord response, ProfileView view) {
        return view.responses().stream().anyMatch(r -> r.responseId().equals(response.responseId()));
    }

    private static APIGatewayV2HTTPResponse cannotReply(String reason, String detail, HttpRequest request) {
        return HttpResponses.problem(409, ProblemType.CANNOT_REPLY, detail, request.path(), Map.of("reason", reason));
    }
}
