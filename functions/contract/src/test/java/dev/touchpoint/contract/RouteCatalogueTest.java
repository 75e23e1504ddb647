package dev.touchpoint.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue and docs/openapi.yaml name the same operations, each with the same callers; and requests find their route. */
class RouteCatalogueTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "options", "patch", "head");

    @Test
    void theCatalogue_andTheSpec_nameTheSameOperations_withTheSameCallers() throws IOException {
        JsonNode spec = new YAMLMapper().readTree(Path.of("..", "..", "docs", "openapi.yaml").toFile());
        Map<String, String> inSpec = new TreeMap<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                inSpec.put(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), schemes(operation.getValue(), spec));
            }
        }));
        Map<String, String> inCatalogue = Arrays.stream(Route.values())
                .collect(Collectors.toMap(Route::key, route -> schemesOf(route.caller()), (a, b) -> a, TreeMap::new));
        assertEquals(inSpec, inCatalogue);
    }

    @Test
    void everyOperationId_isTheRoutesName() throws IOException {
        JsonNode spec = new YAMLMapper().readTree(Path.of("..", "..", "docs", "openapi.yaml").toFile());
        for (Route route : Route.values()) {
            String operationId = spec.get("paths").get(route.path()).get(route.method().toLowerCase(Locale.ROOT)).get("operationId").asText();
            assertEquals(route.name(), operationId.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT), route.key());
        }
    }

    @Test
    void aRequest_findsItsRoute_andThePathsParameters() {
        assertEquals(Optional.of(new Route.Match(Route.EXPORT_PROFILE, Map.of("id", "p-1"))), Route.match("GET", "/v1/profiles/p-1/export"));
        assertEquals(Optional.of(new Route.Match(Route.FIND_PROFILE, Map.of())), Route.match("GET", "/v1/profiles"));
        assertEquals(Route.ERASE_PROFILE, Route.match("DELETE", "/v1/profiles/p-1").orElseThrow().route());
        assertEquals(Optional.empty(), Route.match("GET", "/v1/profiles/"), "a parameter is never empty");
        assertEquals(Optional.empty(), Route.match("PUT", "/v1/feedback"));
        assertEquals(List.of("POST", "OPTIONS"), Route.methodsOn("/v1/feedback"));
        assertEquals(List.of(), Route.methodsOn("/v1/nope"));
    }

    @Test
    void eachFunction_servesItsOwnRoutes() {
        assertEquals(7, Route.servedBy(ApiFunction.INGEST_API).size());
        assertEquals(List.of(Route.RECEIVE_TWILIO_WEBHOOK), Route.servedBy(ApiFunction.INGEST_TWILIO));
    }

    /** The spec's security of an operation, as the names of its schemes ({@code none} when anyone may call). */
    private static String schemes(JsonNode operation, JsonNode spec) {
        JsonNode security = operation.has("security") ? operation.get("security") : spec.path("security");
        List<String> names = new ArrayList<>();
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(names::add));
        return names.isEmpty() ? "none" : String.join(",", names);
    }

    private static String schemesOf(Caller caller) {
        return switch (caller) {
            case API_KEY -> "apiKey";
            case API_KEY_OR_PUBLISHABLE_KEY -> "apiKey,publishableKey,publishableKeyInQuery";
            case ANONYMOUS, PROVIDER -> "none";
        };
    }
}
