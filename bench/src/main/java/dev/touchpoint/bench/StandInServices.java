package dev.touchpoint.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S3 and SNS do not run here, so the functions that call them reach this instead, through their real
 * clients ({@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL_SNS}): any {@code GET} answers one raw
 * email, as S3's GetObject would (path-style, as the clients address a given endpoint), for
 * ingest-email (a key made up by its first call ahead, S3's NoSuchKey); a {@code POST} of SNS's {@code Action=Publish} answers as SNS's Query API does, for
 * closed-loop's detractor alerts (to any other topic, SNS's NotFound). It counts what it served and
 * published, so a test can tell the function really called it.
 */
final class StandInServices implements AutoCloseable {

    static final String BUCKET = "inbound-mail";
    static final String ALERTS_TOPIC = "arn:aws:sns:us-east-1:000000000000:touchpoint-alerts";

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

    /** SNS's documented answer to Publish. */
    private static final byte[] PUBLISHED = """
            <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
              <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
            </PublishResponse>""".getBytes(StandardCharsets.UTF_8);

    /** SNS's answer to a publish to a topic that does not exist (a function's first call made ahead). */
    private static final byte[] NO_SUCH_TOPIC = """
            <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
              <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
              <RequestId>9b1e2ac5-0f3b-5d2c-a5b4-3c1f2e8d7a60</RequestId>
            </ErrorResponse>""".getBytes(StandardCharsets.UTF_8);

    /** S3's answer to a read of a key that does not exist (ingest-email's first call made ahead). */
    private static final byte[] NO_SUCH_KEY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>\
            <RequestId>4442587FB7D0A2F9</RequestId><HostId>example</HostId></Error>""".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();

    StandInServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Map<String, String> form = method.equals("POST") ? form(exchange) : Map.of();
        if (method.equals("GET") && exchange.getRequestURI().getPath().contains("priming-no-such-message")) {
            send(exchange, 404, "application/xml", NO_SUCH_KEY);
        } else if (method.equals("GET")) {
            served.incrementAndGet();
            send(exchange, 200, "message/rfc822", RAW_EMAIL);
        } else if ("Publish".equals(form.get("Action")) && ALERTS_TOPIC.equals(form.get("TopicArn"))) {
            published.incrementAndGet();
            send(exchange, 200, "text/xml", PUBLISHED);
        } else if ("Publish".equals(form.get("Action"))) {
            send(exchange, 404, "text/xml", NO_SUCH_TOPIC);
        } else {
            exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

    /** The fields of an SNS Query API request's form body. */
    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Mails read from the S3 stand-in. */
    int served() {
        return served.get();
    }

    /** Messages published to the SNS stand-in. */
    int published() {
        return published.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
