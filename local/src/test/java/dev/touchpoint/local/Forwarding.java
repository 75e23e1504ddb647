package dev.touchpoint.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

/** A request a test's proxy received, passed on to the server behind it, and the answer's headers copied back. */
final class Forwarding {

    /** Headers of one hop only, which the JDK's client sets itself and refuses to be given. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "transfer-encoding", "upgrade");

    private Forwarding() {
    }

    /** Sends the exchange's request, with {@code body} (already read from it), to the same path and query under {@code target}. */
    static HttpResponse<byte[]> send(HttpClient http, URI target, HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> forward.header(name, value));
            }
        });
        return http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The answer's end-to-end headers onto the exchange's response. */
    static void copyHeaders(HttpResponse<?> response, HttpExchange exchange) {
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
    }
}
