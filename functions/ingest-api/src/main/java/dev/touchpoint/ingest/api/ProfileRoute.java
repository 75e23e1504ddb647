package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.contract.Route;
import dev.touchpoint.domain.customer.ProfileLookup;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.customer.ProfileJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /v1/profiles?email=…|phone=…|externalId=…|whatsappId=…|whatsappUserId=…|messengerId=…}: the unified profile behind exactly one
 * identifier, normalised the same way as on the way in (so {@code INFO@EXAMPLE.COM} and
 * {@code info@example.com} find the same person).
 */
final class ProfileRoute implements ApiRoute {

    /** Every identifier a customer can be found by: what support has at hand, from a CRM or a messaging inbox. */
    private static final List<String> PARAMETERS = List.of("email", "phone", "externalId", "whatsappId", "whatsappUserId", "messengerId");

    private final IdentityNormalizer normalizer;
    private final ProfileLookup lookup;

    ProfileRoute(IdentityNormalizer normalizer, ProfileLookup lookup) {
        this.normalizer = normalizer;
        this.lookup = lookup;
    }

    @Override
    public Route route() {
        return Route.FIND_PROFILE;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Map<String, String> query = request.query();
        List<String> given = PARAMETERS.stream().filter(query::containsKey).toList();
        if (given.size() != 1) {
            return HttpResponses.invalid("Give exactly one identifier.",
                    List.of(new FieldError("/query", "Exactly one of " + String.join(", ", PARAMETERS) + " is required.")), request.path());
        }
        String parameter = given.get(0);
        Optional<Identity> identity = identity(parameter, query.get(parameter));
        if (identity.isEmpty()) {
            return HttpResponses.invalid("The identifier is not valid.",
                    List.of(new FieldError("/query/" + parameter, "Not a valid " + parameter + ".")), request.path());
        }
        return lookup.byIdentity(identity.get())
                .map(view -> HttpResponses.json(200, ProfileJson.write(view)))
                .orElseGet(() -> HttpResponses.problem(404, ProblemType.PROFILE_NOT_FOUND,
                        "No profile holds this " + parameter + ".", request.path()));
    }

    private Optional<Identity> identity(String parameter, String value) {
        return switch (parameter) {
            case "email" -> normalizer.email(value);
            case "phone" -> normalizer.phone(value);
            default -> normalizer.opaque(IdentityType.fromWireName(parameter), value);
        };
    }
}
