package dev.touchpoint.local.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard's static files, from the classpath: {@code GET /} is its page, {@code /dashboard/<file>}
 * its script and style. Only the files named here are served, never a path built from the request.
 */
final class DashboardFiles {

    private static final Map<String, String> FILES = Map.of(
            "/", "index.html", "/dashboard/index.html", "index.html",
            "/dashboard/app.js", "app.js", "/dashboard/style.css", "style.css");
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8", "app.js", "application/javascript; charset=utf-8",
            "style.css", "text/css; charset=utf-8");

    /** The dashboard's content security policy: the same file gives CloudFront's response-headers policy in AWS. */
    private static final String POLICY = policy();

    private DashboardFiles() {
    }

    private static String policy() {
        try (InputStream in = DashboardFiles.class.getResourceAsStream("/dashboard/content-security-policy.txt")) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no dashboard/content-security-policy.txt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean serves(String method, String path) {
        return method.equals("GET") && FILES.containsKey(path);
    }

    static void send(HttpExchange exchange, String path) throws IOException {
        String file = FILES.get(path);
        try (InputStream in = DashboardFiles.class.getResourceAsStream("/dashboard/" + file)) {
            if (in == null) {
                LocalHttpServer.sendJson(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            exchange.getResponseHeaders().set("content-type", TYPES.get(file));
            exchange.getResponseHeaders().set("content-security-policy", POLICY);
            exchange.getResponseHeaders().set("x-content-type-options", "nosniff");
            ApiGatewayEvents.send(exchange, 200, in.readAllBytes());
        }
    }
}
