package dev.touchpoint.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP forwarder in front of the local runtime that counts the requests a browser sends through it
 * by method and path, so a test can tell which requests a page made (a CORS preflight, say), which
 * the page itself cannot see.
 */
final class CountingForwarder implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    CountingForwarder(int targetPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> forward(exchange, targetPort));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** How many requests with this method and path (without the query) came through. */
    int count(String method, String path) {
        return counts.getOrDefault(method + " " + path, new AtomicInteger()).get();
    }

    private void forward(HttpExchange exchange, int targetPort) throws IOException {
        counts.computeIfAbsent(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), key -> new AtomicInteger())
                .incrementAndGet();
        try {
            HttpResponse<byte[]> response = Forwarding.send(client, URI.create("http://127.0.0.1:" + targetPort),
                    exchange, exchange.getRequestBody().readAllBytes());
            Forwarding.copyHeaders(response, exchange);
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
