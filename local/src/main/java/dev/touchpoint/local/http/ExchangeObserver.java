package dev.touchpoint.local.http;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Sees every exchange a function answered, after the function and before the caller gets the answer.
 * Implementations are found with {@link ServiceLoader}: the runtime's jar ships none; the test classpath
 * installs the OpenAPI conformance check, so every request an IT sends is held to docs/openapi.yaml.
 */
public interface ExchangeObserver {

    /**
     * One request to a route of the contract and the function's answer.
     *
     * @param route the route key the request matched, e.g. {@code GET /v1/profiles/{id}}
     * @param query the query parameters as the function's event carried them, decoded
     * @param pathParameters the route's parameters, e.g. {@code id}, as the event carried them
     * @param requestHeaders as received, names in lower case
     * @param responseHeaders as answered, names in lower case
     */
    record Exchange(String route, String method, String path, Map<String, String> query, Map<String, String> pathParameters,
                    Map<String, List<String>> requestHeaders, byte[] requestBody, int status, Map<String, String> responseHeaders,
                    byte[] responseBody) {
    }

    void observe(Exchange exchange);

    /** The observers on the classpath; none in production. */
    static List<ExchangeObserver> installed() {
        return ServiceLoader.load(ExchangeObserver.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
