package dev.touchpoint.local.http;

import dev.touchpoint.contract.Route;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's routes ({@link Route}) and the local function behind each, matched like API Gateway
 * HTTP API routes: {@code GET /v1/profiles/{id}} matches one path segment per parameter.
 */
public final class RouteTable {

    /** A matched route: which local function, the API Gateway route key, and the path parameters. */
    public record Match(String function, String routeKey, Map<String, String> pathParameters) {
    }

    private RouteTable() {
    }

    /** Every route of the catalogue, each to the local function of its module's name. */
    public static RouteTable fromCatalogue() {
        return new RouteTable();
    }

    public Optional<Match> match(String method, String path) {
        return Route.match(method, path).map(matched -> new Match(matched.route().function().moduleName(), matched.route().key(),
                matched.pathParameters()));
    }

    /** Every route as API Gateway names it, e.g. {@code GET /v1/profiles/{id}}. */
    public List<String> routeKeys() {
        return Arrays.stream(Route.values()).map(Route::key).toList();
    }
}
