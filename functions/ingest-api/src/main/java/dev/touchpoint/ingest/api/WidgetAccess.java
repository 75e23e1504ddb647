package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.aws.apigateway.PublishableKeys;
import dev.touchpoint.domain.access.RateLimiter;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.identity.Provenance;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a publishable (widget) key may do: submit web or app feedback to {@code POST /v1/feedback},
 * from one of its origins (answered with CORS headers for that origin only), at most
 * {@code limitPerMinute} times a minute per key and client address.
 */
final class WidgetAccess {

    private static final EnumSet<Channel> WIDGET_CHANNELS = EnumSet.of(Channel.WEB, Channel.APP);

    /**
     * A browser may send its JSON as {@code text/plain}: with that type and the key in the query string,
     * its POST is a simple request, which it sends without a CORS preflight.
     */
    private static final Set<String> WIDGET_MEDIA_TYPES = Set.of("application/json", "text/plain");

    private final PublishableKeys keys;
    private final RateLimiter limiter;
    private final int limitPerMinute;
    private final Clock clock;

    WidgetAccess(PublishableKeys keys, RateLimiter limiter, int limitPerMinute, Clock clock) {
        this.keys = keys;
        this.limiter = limiter;
        this.limitPerMinute = limitPerMinute;
        this.clock = clock;
    }

    boolean isPresented(HttpRequest request) {
        return PublishableKeys.presented(request).isPresent();
    }

    /** The CORS preflight of a browser about to post feedback. */
    APIGatewayV2HTTPResponse preflight(HttpRequest request) {
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty() || !keys.allowsOrigin(origin.get())) {
            return HttpResponses.problem(403, ProblemType.ORIGIN_NOT_ALLOWED,
                    "No publishable key may be used from this origin.", request.path());
        }
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
        return HttpResponses.withHeaders(response, Map.of(
                "access-control-allow-origin", origin.get(),
                "access-control-allow-methods", "POST",
                "access-control-allow-headers", "content-type, " + PublishableKeys.HEADER,
                "access-control-max-age", "600",
                "vary", "Origin"));
    }

    APIGatewayV2HTTPResponse submit(HttpRequest request, FeedbackRoute feedback) {
        Optional<String> key = keys.accepted(request);
        if (key.isEmpty()) {
            return HttpResponses.problem(401, ProblemType.UNAUTHORIZED,
                    "This publishable key is unknown or not allowed from this origin.", request.path());
        }
        String origin = request.header("origin").orElseThrow();
        if (!limiter.allow(key.get() + "#" + request.sourceIp(), limitPerMinute, clock.instant())) {
            return cors(HttpResponses.withHeaders(HttpResponses.problem(429, ProblemType.RATE_LIMITED,
                    "At most " + limitPerMinute + " submissions a minute from one visitor; try again in a minute.", request.path()),
                    Map.of("retry-after", "60")), origin);
        }
        // The key is in every page's HTML and an Origin header is easily forged: what it says of the customer is a claim.
        return cors(feedback.handle(request, WIDGET_CHANNELS, WIDGET_MEDIA_TYPES, Provenance.WIDGET), origin);
    }

    private static APIGatewayV2HTTPResponse cors(APIGatewayV2HTTPResponse response, String origin) {
        return HttpResponses.withHeaders(response, Map.of("access-control-allow-origin", origin, "vary", "Origin"));
    }
}
