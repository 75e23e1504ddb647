package dev.touchpoint.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A client of a running local runtime, as a customer's system would be: plain HTTP to its port. */
final class LocalApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String apiKey;

    LocalApi(LocalRuntime runtime) {
        this.baseUrl = "http://127.0.0.1:" + runtime.port();
        this.apiKey = runtime.apiKey();
    }

    HttpResponse<String> postFeedback(String json) {
        return post("/v1/feedback", "application/json", apiKey, json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, String key, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        if (key != null) {
            request.header("x-api-key", key);
        }
        return send(request.build());
    }

    /** A POST with exactly these headers (no API key unless among them). */
    HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** A service event now for {@code email}, whose survey goes out by email at once (noon in her zone); its invitation id. */
    String scheduleEmailSurvey(String eventId, String email) {
        HttpResponse<String> response = post("/v1/interactions", "application/json", apiKey, """
                {"id":"%s","type":"service.completed","occurredAt":"%s","touchpoint":"store-kadikoy",
                 "customer":{"email":"%s","timeZone":"%s"},"delaySeconds":0,"channels":["email"]}"""
                .formatted(eventId, java.time.Instant.now().minusSeconds(5), email, SurveyJourneyIT.zoneWhereTheHourIs(12))
                .getBytes(StandardCharsets.UTF_8));
        if (response.statusCode() != 202) {
            throw new AssertionError("the service event was answered " + response.statusCode() + ": " + response.body());
        }
        return dev.touchpoint.wire.json.StrictJson.read(response.body()).get("invitationId").asText();
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("x-api-key", apiKey).DELETE().build());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).header("x-api-key", apiKey).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits for the asynchronous pipeline (queue → processor → table) to reach a state, polling; the
     * limit only bounds a failing test and is never what a test asserts.
     */
    static void eventually(String what, BooleanSupplier condition) {
        eventually(what, condition, Duration.ofSeconds(30));
    }

    /** The same with a longer bound, for a soak that drains tens of thousands of events. */
    static void eventually(String what, BooleanSupplier condition, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T eventually(String what, Supplier<T> value, Predicate<T> done) {
        Object[] last = new Object[1];
        eventually(what, () -> {
            last[0] = value.get();
            return done.test((T) last[0]);
        });
        return (T) last[0];
    }
}
