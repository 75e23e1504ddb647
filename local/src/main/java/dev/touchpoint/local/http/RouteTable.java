package dev.touchpoint.local.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract's routes and the function behind each, matched like API Gateway HTTP API routes:
 * {@code GET /v1/profiles/{id}} matches one path segment per parameter.
 */
public final class RouteTable {

    /** A matched route: which function, the API Gateway route key, and the path parameters. */
    public record Match(String function, String routeKey, Map<String, String> pathParameters) {
    }

    private record Route(String method, String[] segments, String function, String routeKey) {
    }

    private final List<Route> routes = new ArrayList<>();

    public RouteTable add(String method, String pathPattern, String function) {
        routes.add(new Route(method, split(pathPattern), function, method + " " + pathPattern));
        return this;
    }

    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (route.method.equals(method)) {
                Map<String, String> parameters = parameters(route.segments, split(path));
                if (parameters != null) {
                    return Optional.of(new Match(route.function, route.routeKey, parameters));
                }
            }
        }
        return Optional.empty();
    }

    /** Every route as API Gateway names it, e.g. {@code GET /v1/profiles/{id}}. */
    public List<String> routeKeys() {
        return routes.stream().map(Route::routeKey).toList();
    }

    /** True when some route serves this path with another method (answer 405, not 404). */
    public boolean servesPath(String path) {
        return routes.stream().anyMatch(route -> parameters(route.segments, split(path)) != null);
    }

    private static Map<String, String> parameters(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                parameters.put(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return parameters;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.split("/", -1);
    }
}
