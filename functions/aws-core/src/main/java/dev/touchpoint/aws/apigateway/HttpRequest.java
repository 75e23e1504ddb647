package dev.touchpoint.aws.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.touchpoint.contract.Route;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Read-only view of an HTTP API request: method, path, headers by any case, query, and a bounded body. */
public final class HttpRequest {

    private final APIGatewayV2HTTPEvent event;

    public HttpRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String method() {
        var context = event.getRequestContext();
        String method = context != null && context.getHttp() != null ? context.getHttp().getMethod() : null;
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    /** The client's address as API Gateway saw it. */
    public String sourceIp() {
        var context = event.getRequestContext();
        String ip = context != null && context.getHttp() != null ? context.getHttp().getSourceIp() : null;
        return ip == null ? "unknown" : ip;
    }

    public String path() {
        return event.getRawPath() == null ? "/" : event.getRawPath();
    }

    /** The catalogue's route of this request and its path parameters; empty when no route serves it. */
    public Optional<Route.Match> route() {
        return Route.match(method(), path());
    }

    /** API Gateway lower-cases header names; a local or test caller may not, so look up without case. */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** The query string exactly as sent (what a signed URL covers). */
    public String rawQuery() {
        return event.getRawQueryString() == null ? "" : event.getRawQueryString();
    }

    public Map<String, String> query() {
        return event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
    }

    /** The media type without parameters, lower-cased: {@code application/json; charset=utf-8} → {@code application/json}. */
    public Optional<String> mediaType() {
        return header("content-type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
    }

    /** The body's size in bytes, or -1 when it is not valid Base64 although marked so. */
    public int bodySize() {
        try {
            return bodyBytes().length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * The body as text, refusing what is not valid UTF-8 (rather than replacing it and storing
     * mangled customer text).
     */
    public String bodyText() throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bodyBytes()))
                .toString();
    }

    /** The raw body bytes, as the client sent them (what a webhook signature covers). */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
