package dev.touchpoint.local.http;

import com.sun.net.httpserver.HttpExchange;
import dev.touchpoint.local.lambda.LocalFunction;
import dev.touchpoint.local.lambda.LocalFunctions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
