package dev.touchpoint.local.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every function of the suite by its deployed name, and which of them serve HTTP routes. */
public final class LocalFunctions {

    private final Map<String, LocalFunction<?, ?>> all = new LinkedHashMap<>();
    private final Map<String, LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> http = new LinkedHashMap<>();

    public LocalFunctions addHttp(LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function) {
        http.put(function.name(), function);
        return add(function);
    }

    public LocalFunctions add(LocalFunction<?, ?> function) {
        all.put(function.name(), function);
        return this;
    }

    public Optional<LocalFunction<?, ?>> byName(String name) {
        return Optional.ofNullable(all.get(name));
    }

    public LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> http(String name) {
        LocalFunction<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function = http.get(name);
        if (function == null) {
            throw new IllegalStateException("no HTTP function named " + name);
        }
        return function;
    }

    public Set<String> names() {
        return all.keySet();
    }
}
