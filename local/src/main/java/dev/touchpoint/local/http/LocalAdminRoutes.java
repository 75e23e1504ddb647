package dev.touchpoint.local.http;

import com.sun.net.httpserver.HttpExchange;
import dev.touchpoint.local.lambda.LocalFunction;
import dev.touchpoint.local.lambda.LocalFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Routes that exist only locally: {@code GET /_local/health} (status and queue depths),
 * {@code GET /_local/outbox} (emails and SMS that would have been sent) and
 * {@code POST /_local/invoke/{function}} (a raw AWS event through one function, like
 * {@code sam local invoke}) and {@code POST /_local/redrive?queue=feedback|closed-loop} (every message
 * of that DLQ back to its queue, once what failed is fixed).
 */
public final class LocalAdminRoutes {

    private static final String INVOKE = "/_local/invoke/";

    private final LocalFunctions functions;
    private final Supplier<String> healthJson;
    private final Supplier<String> outboxJson;
    private final ToIntFunction<String> redrive;

    public LocalAdminRoutes(LocalFunctions functions, Supplier<String> healthJson, Supplier<String> outboxJson,
                            ToIntFunction<String> redrive) {
        this.functions = functions;
        this.healthJson = healthJson;
        this.outboxJson = outboxJson;
        this.redrive = redrive;
    }

    void handle(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        Optional<String> refusal = refusal(exchange);
        if (refusal.isPresent()) {
            LocalHttpServer.sendJson(exchange, 403, "{\"message\":\"" + refusal.get() + "\"}");
            return;
        }
        if (method.equals("GET") && path.equals("/_local/health")) {
            LocalHttpServer.sendJson(exchange, 200, healthJson.get());
        } else if (method.equals("GET") && path.equals("/_local/outbox")) {
            LocalHttpServer.sendJson(exchange, 200, outboxJson.get());
        } else if (method.equals("POST") && path.equals("/_local/redrive")) {
            String query = exchange.getRequestURI().getQuery() == null ? "" : exchange.getRequestURI().getQuery();
            String queue = query.equals("queue=closed-loop") ? "closed-loop" : query.isEmpty() || query.equals("queue=feedback") ? "feedback" : null;
            if (queue == null) {
                LocalHttpServer.sendJson(exchange, 400, "{\"message\":\"queue is feedback or closed-loop\"}");
            } else {
                LocalHttpServer.sendJson(exchange, 200, "{\"queue\":\"" + queue + "\",\"moved\":" + redrive.applyAsInt(queue) + "}");
            }
        } else if (method.equals("POST") && path.startsWith(INVOKE)) {
            invoke(exchange, path.substring(INVOKE.length()), new String(body, StandardCharsets.UTF_8));
        } else {
            LocalHttpServer.sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
        }
    }

    /**
     * These routes run functions and read every outbox message, so they answer this machine only: a
     * page of another site in the developer's browser may neither post to them (an {@code Origin} or
     * {@code Sec-Fetch-Site} not this origin's: cross-site request forgery) nor reach them through a
     * name that resolves to 127.0.0.1 (a {@code Host} not a loopback name: DNS rebinding).
     */
    private static Optional<String> refusal(HttpExchange exchange) {
        int port = exchange.getLocalAddress().getPort();
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("host")).orElse("").toLowerCase(Locale.ROOT);
        if (!LOOPBACK_NAMES.contains(host.replaceFirst(":" + port + "$", ""))) {
            return Optional.of("the local routes answer requests for localhost only");
        }
        String origin = exchange.getRequestHeaders().getFirst("origin");
        if (origin != null && !LOOPBACK_NAMES.stream().anyMatch(name -> origin.equalsIgnoreCase("http://" + name + ":" + port))) {
            return Optional.of("the local routes take no requests from another origin");
        }
        String site = exchange.getRequestHeaders().getFirst("sec-fetch-site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return Optional.of("the local routes take no requests from another site");
        }
        return Optional.empty();
    }

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private void invoke(HttpExchange exchange, String name, String eventJson) throws IOException {
        Optional<LocalFunction<?, ?>> function = functions.byName(name);
        if (function.isEmpty()) {
            LocalHttpServer.sendJson(exchange, 404, "{\"message\":\"No function named " + name.replaceAll("[^a-z0-9-]", "")
                    + "; try one of " + String.join(", ", functions.names()) + "\"}");
            return;
        }
        String result;
        try {
            result = function.get().invokeRaw(eventJson);
        } catch (RuntimeException e) {
            // Lambda reports an unhandled error as errorType/errorMessage; the message stays out on purpose.
            LocalHttpServer.sendJson(exchange, 502, "{\"errorType\":\"" + e.getClass().getName() + "\"}");
            return;
        }
        LocalHttpServer.sendJson(exchange, 200, result);
    }
}
