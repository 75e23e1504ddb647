package dev.touchpoint.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S3 does not run here, so ingest-email's jar reads its received mail from this: any {@code GET}
 * answers one raw email, as S3's GetObject would (path-style, as the clients address a given endpoint).
 * It counts what it served, so a test can tell the function really read it.
 */
final class S3ObjectStub implements AutoCloseable {

    static final String BUCKET = "inbound-mail";

    /** A customer's reply to a survey email, as the SES receipt rule stores it. */
    private static final byte[] RAW_EMAIL = """
            From: Customer <customer@example.com>\r
            To: reply+SAMPLETOKEN@shop.example\r
            Subject: Re: A quick question about your recent visit\r
            Message-ID: <CAEXAMPLE@mail.example.com>\r
            Content-Type: text/plain; charset=UTF-8\r
            \r
            9 - quick and friendly\r
            """.getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    S3ObjectStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean get = exchange.getRequestMethod().equals("GET");
            exchange.getResponseHeaders().add("Content-Type", "message/rfc822");
            exchange.sendResponseHeaders(get ? 200 : 405, get ? RAW_EMAIL.length : -1);
            if (get) {
                served.incrementAndGet();
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(RAW_EMAIL);
                }
            }
            exchange.close();
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
