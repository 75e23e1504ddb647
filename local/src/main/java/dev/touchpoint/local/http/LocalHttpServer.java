package dev.touchpoint.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.local.lambda.LocalFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stand-in for API Gateway: contract routes go to the real handlers as API Gateway v2
 * events, {@code /_local/*} to {@link LocalAdminRoutes}. Like API Gateway it refuses bodies over
 * {@value #MAX_BODY_BYTES} bytes itself and answers 500 when a function crashes.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** API Gateway HTTP APIs accept payloads up to 10 MB. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final RouteTable routes;
    private final LocalFunctions functions;
    private final LocalAdminRoutes admin;
    private final List<ExchangeObserver> observers = ExchangeObserver.installed();

    /**
     * A client that has not sent its whole request (headers and body) after this many seconds is cut
     * off, as API Gateway cuts one off: a connection left half-open otherwise holds its thread for ever.
     * The JDK's server reads the setting once, when the first server of the JVM starts; a value given
     * with {@code -Dsun.net.httpserver.maxReqTime} wins. A slow function is not cut: its own clients' timeouts bound it.
     */
    public static void cutOffSlowRequestsAfter(int seconds) {
        if (System.getProperty(MAX_REQUEST_TIME) == null) {
            System.setProperty(MAX_REQUEST_TIME, Integer.toString(seconds));
        }
    }

    private static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";

    public LocalHttpServer(int port, RouteTable routes, LocalFunctions functions, LocalAdminRoutes admin) throws IOException {
        this.routes = routes;
        this.functions = functions;
        this.admin = admin;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // The catch is inside the try-with-resources: a catch of that statement itself runs after the
        // exchange is closed, when no answer can be sent any more.
        try (exchange) {
            route(exchange);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            byte[] body = readBounded(exchange.getRequestBody());
            if (body == null) {
                sendJson(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (DashboardFiles.serves(method, path)) {
                DashboardFiles.send(exchange, path);
                return;
            }
            if (path.startsWith("/_local/")) {
                admin.handle(exchange, method, path, body);
                return;
            }
            var match = routes.match(method, path);
            if (match.isEmpty()) {
                // As in AWS, where the API's $default route takes whatever no route serves to ingest-api.
                ApiGatewayEvents.write(exchange, HttpResponses.noRoute(method, path));
                return;
            }
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.toEvent(exchange, match.get(), body);
            APIGatewayV2HTTPResponse response = functions.http(match.get().function()).invoke(event);
            observers.forEach(observer -> observer.observe(ApiGatewayEvents.exchange(exchange, event, body, response)));
            ApiGatewayEvents.write(exchange, response);
        } catch (RuntimeException | Error e) {
            // Whatever a function throws, the caller gets an answer, not a dropped connection (API Gateway answers 500 too).
            System.err.println("[local] a function failed: " + e.getClass().getName());
            String path = exchange.getRequestURI().getRawPath().replaceAll("[^A-Za-z0-9/_.{}-]", "");
            ApiGatewayEvents.write(exchange, HttpResponses.problem(500, ProblemType.INTERNAL_ERROR,
                    "The function failed; nothing in this answer says why (see the runtime's output).", path));
        }
    }

    /** @return the body, or null when it is larger than API Gateway would accept */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("content-type", "application/json");
        ApiGatewayEvents.send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Stops taking requests and lets those in progress finish (up to two seconds). */
    @Override
    public void close() {
        server.stop(2);
        executor.close();
    }
}
