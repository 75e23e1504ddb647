package dev.touchpoint.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.HashMap;
import java.util.Map;

/** A loopback HTTP server that answers with AWS's documented wire responses, for adapter contract tests. */
public final class WireStub implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public WireStub() {
        server.start();
    }

    public WireMockServer server() {
        return server;
    }

    /** The environment a function would have, with one service's endpoint pointed here. */
    public Environment environmentFor(String service) {
        return environmentFor(service, Map.of());
    }

    /** The same, with more variables set. */
    public Environment environmentFor(String service, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(Map.of("AWS_REGION", "eu-central-1", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "secret"));
        values.put("AWS_ENDPOINT_URL_" + service, server.baseUrl());
        values.putAll(more);
        return Environment.of(values);
    }

    @Override
    public void close() {
        server.stop();
    }
}
