package dev.touchpoint.local.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import dev.touchpoint.local.http.ExchangeObserver.Exchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * docs/openapi.yaml as the judge of an exchange. Two maintained validators share the work:
 * Atlassian's swagger-request-validator holds the OpenAPI rules (path, method, declared status,
 * media types, parameters, security, required bodies); its schema engine is JSON Schema draft 4,
 * which ignores OpenAPI 3.1's {@code const} and {@code type} lists, misreads closed objects, and reads a
 * 3.1 string parameter as JSON; so JSON bodies and parameter values are validated by networknt's JSON
 * Schema 2020-12 validator with the OpenAPI 3.1 dialect.
 * An answer is always judged; a request only when it was accepted (a test may send bad input on
 * purpose, and then the answer is what must be declared).
 */
public final class OpenApiContract {

    private static final String SPEC_URI = "https://touchpoint.local/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "options", "patch");

    private final JsonNode spec;
    private final SchemaRegistry schemas;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(String yaml) throws IOException {
        this.spec = new YAMLMapper().readTree(yaml);
        String json = JSON.writeValueAsString(spec);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(SPEC_URI, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().locale(Locale.ENGLISH).build()));
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.parameter.enum", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body.schema", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    /** The project's contract, read from docs/openapi.yaml (the tests run in a module beside docs/). */
    public static OpenApiContract fromDocs() {
        try {
            return new OpenApiContract(Files.readString(Path.of("..", "docs", "openapi.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode spec() {
        return spec;
    }

    /** What in this exchange the contract does not declare; empty when it conforms. */
    public List<String> violations(Exchange exchange) {
        List<String> violations = new ArrayList<>();
        String template = exchange.route().substring(exchange.route().indexOf(' ') + 1);
        SimpleResponse response = response(exchange);
        errors(validator.validateResponse(exchange.path(), method(exchange), response), violations);
        Ref declared = declaredResponse(template, exchange.method(), exchange.status());
        if (!declared.node().isMissingNode()) {
            responseBody(declared, exchange, violations);
            responseHeaders(declared, exchange, violations);
        }
        if (exchange.status() < 400) {
            errors(validator.validateRequest(request(exchange)), violations);
            requestBody(template, exchange, violations);
            parameters(template, exchange, violations);
        }
        return violations;
    }

    /** Every operation the contract declares, as API Gateway names routes: {@code GET /v1/profiles/{id}}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            resolve(new Ref(path.getValue(), "")).node().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    /** The errors of one JSON body against a schema of the spec, e.g. {@code /components/schemas/Problem}. */
    public List<String> schemaErrors(String pointer, String json) {
        return schemas.getSchema(SchemaLocation.of(SPEC_URI + "#" + pointer)).validate(json, InputFormat.JSON).stream()
                .map(Object::toString).toList();
    }

    private void responseBody(Ref declared, Exchange exchange, List<String> violations) {
        String mediaType = mediaType(exchange.responseHeaders().get("content-type"));
        if (!declared.node().has("content")) {
            if (exchange.responseBody().length > 0) {
                violations.add("a body where the contract declares none");
            }
            return;
        }
        Ref content = declared.child("content").child(mediaType);
        if (!content.node().isMissingNode() && mediaType.endsWith("json")) {
            schemaErrors(content.child("schema").pointer(), text(exchange.responseBody())).forEach(violations::add);
        }
    }

    /** Each header the declared answer names, when answered, against its schema. */
    private void responseHeaders(Ref declared, Exchange exchange, List<String> violations) {
        declared.node().path("headers").fieldNames().forEachRemaining(name -> {
            String value = exchange.responseHeaders().get(name.toLowerCase(Locale.ROOT));
            if (value != null) {
                Ref schema = resolve(declared.child("headers").child(name)).child("schema");
                schemaErrors(schema.pointer(), asJson(schema.node(), value)).forEach(error -> violations.add("header " + name + ": " + error));
            }
        });
    }

    private void requestBody(String template, Exchange exchange, List<String> violations) {
        String mediaType = mediaType(first(exchange.requestHeaders().get("content-type")));
        Ref content = operation(template, exchange.method()).child("requestBody");
        content = resolve(content).child("content").child(mediaType);
        JsonNode schema = content.node().path("schema");
        if (mediaType.endsWith("json")) {
            schemaErrors(content.child("schema").pointer(), text(exchange.requestBody())).forEach(violations::add);
        } else if (schema.has("contentSchema")) {
            // OpenAPI 3.1: a text/plain body whose content is JSON all the same.
            schemaErrors(content.child("schema").child("contentSchema").pointer(), text(exchange.requestBody())).forEach(violations::add);
        }
    }

    /** Each declared query, header and path parameter the request carries, against its schema. */
    private void parameters(String template, Exchange exchange, List<String> violations) {
        Map<String, String> query = exchange.query();
        Map<String, String> path = exchange.pathParameters();
        Ref pathItem = resolve(new Ref(spec.path("paths").path(template), "/paths/" + escape(template)));
        for (Ref list : List.of(pathItem.child("parameters"), pathItem.child(exchange.method().toLowerCase(Locale.ROOT)).child("parameters"))) {
            for (int i = 0; i < list.node().size(); i++) {
                Ref parameter = resolve(list.item(i));
                String name = parameter.node().path("name").asText();
                String value = switch (parameter.node().path("in").asText()) {
                    case "query" -> query.get(name);
                    case "path" -> path.get(name);
                    case "header" -> first(exchange.requestHeaders().get(name.toLowerCase(Locale.ROOT)));
                    default -> null;
                };
                if (value != null) {
                    Ref schema = parameter.child("schema");
                    schemaErrors(schema.pointer(), asJson(schema.node(), value))
                            .forEach(error -> violations.add("parameter " + name + ": " + error));
                }
            }
        }
    }

    /** A parameter's text as the JSON value its schema expects: a number where it asks for one, else a string. */
    private static String asJson(JsonNode schema, String value) {
        String type = schema.path("type").asText();
        boolean numeric = (type.equals("integer") || type.equals("number")) && value.matches("-?\\d+(\\.\\d+)?");
        return numeric ? value : JSON.valueToTree(value).toString();
    }

    private Ref declaredResponse(String template, String method, int status) {
        Ref responses = operation(template, method).child("responses");
        Ref declared = responses.child(Integer.toString(status));
        return resolve(declared.node().isMissingNode() ? responses.child("default") : declared);
    }

    private Ref operation(String template, String method) {
        return resolve(new Ref(spec.path("paths").path(template), "/paths/" + escape(template))).child(method.toLowerCase(Locale.ROOT));
    }

    /** A node of the spec and its JSON pointer, following local {@code $ref}s. */
    private record Ref(JsonNode node, String pointer) {
        Ref child(String name) {
            return new Ref(node.path(name), pointer + "/" + escape(name));
        }

        Ref item(int index) {
            return new Ref(node.path(index), pointer + "/" + index);
        }
    }

    private Ref resolve(Ref ref) {
        Ref current = ref;
        while (current.node().has("$ref") && current.node().get("$ref").asText().startsWith("#")) {
            String pointer = current.node().get("$ref").asText().substring(1);
            current = new Ref(spec.at(pointer), pointer);
        }
        return current;
    }

    private static SimpleRequest request(Exchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(exchange.method(), exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        exchange.query().forEach(request::withQueryParam);
        if (exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        return request.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach(response::withHeader);
        if (exchange.responseBody().length > 0) {
            response.withBody(exchange.responseBody());
        }
        return response.build();
    }

    private static Request.Method method(Exchange exchange) {
        return Request.Method.valueOf(exchange.method());
    }

    private static void errors(ValidationReport report, List<String> violations) {
        // Parameter and header values are judged by parameters() and responseHeaders(): the draft-4 engine
        // reads a 3.1 string schema as another type, parses the value as JSON, and reports that at ERROR
        // whatever level is asked for its key.
        report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !message.getKey().startsWith("validation.request.parameter.schema")
                        && !message.getKey().startsWith("validation.response.header.schema"))
                .forEach(message -> violations.add(message.getKey() + ": " + message.getMessage()));
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.replaceAll(";.*", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
