package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.domain.customer.ProfileErasure;
import dev.touchpoint.domain.customer.ProfileLookup;
import dev.touchpoint.domain.invitation.InvitationStatus;
import dev.touchpoint.wire.customer.ProfileJson;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/profiles/{id}}: one customer's whole story — identities, consent per channel, and the
 * timeline of invitations, responses and messages across channels in order. An id merged into another
 * profile leads to the survivor. {@code DELETE} erases the person (docs/api.md).
 */
final class ProfileByIdRoute {

    private static final Pattern PROFILE_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final ProfileLookup lookup;
    private final ProfileErasure erasure;

    ProfileByIdRoute(ProfileLookup lookup, ProfileErasure erasure) {
        this.lookup = lookup;
        this.erasure = erasure;
    }

    /**
     * {@code GET /v1/profiles/{id}/export}: everything held about the person, as one JSON document to
     * download (GDPR access): the profile document, with every invitation sent in full.
     */
    APIGatewayV2HTTPResponse export(HttpRequest request, String profileId) {
        if (!PROFILE_ID.matcher(profileId).matches()) {
            return notFound(request);
        }
        return lookup.byId(profileId).map(view -> {
            ObjectNode document = ProfileJson.write(view);
            ArrayNode invitations = document.putArray("invitations");
            view.invitations().forEach(i -> invitations.addObject().put("id", i.id()).put("surveyId", i.surveyId())
                    .put("touchpoint", i.touchpoint()).put("status", i.status().name().toLowerCase(Locale.ROOT))
                    .put("channel", i.sentChannel()).put("sentAt", i.sentAt() == null ? null : i.sentAt().toString())
                    .put("reason", i.reason()).put("dueAt", i.status() == InvitationStatus.PENDING ? i.dueAt().toString() : null));
            document.put("exportedAt", Instant.now().toString());
            return HttpResponses.withHeaders(HttpResponses.json(200, document), Map.of(
                    "content-disposition", "attachment; filename=\"touchpoint-profile-" + profileId + ".json\""));
        }).orElseGet(() -> notFound(request));
    }

    /** {@code DELETE /v1/profiles/{id}}: erasure; 204, then 404 for the same id. */
    APIGatewayV2HTTPResponse delete(HttpRequest request, String profileId) {
        if (!PROFILE_ID.matcher(profileId).matches() || !erasure.erase(profileId)) {
            return notFound(request);
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of("cache-control", "no-store")).build();
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request, String profileId) {
        if (!PROFILE_ID.matcher(profileId).matches()) {
            return notFound(request);
        }
        return lookup.byId(profileId).map(view -> HttpResponses.json(200, ProfileJson.write(view))).orElseGet(() -> notFound(request));
    }

    private static APIGatewayV2HTTPResponse notFound(HttpRequest request) {
        return HttpResponses.problem(404, ProblemType.PROFILE_NOT_FOUND, "No profile has this id.", request.path());
    }
}
