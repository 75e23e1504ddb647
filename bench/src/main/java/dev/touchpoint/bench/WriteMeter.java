package dev.touchpoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A loopback proxy in front of DynamoDB Local that asks every call for {@code ReturnConsumedCapacity:
 * TOTAL} and adds up the write and read units DynamoDB reports, so the code under test is measured as
 * it is, unchanged.
 *
 * <p>One correction makes the units what AWS bills: DynamoDB Local rounds a {@code TransactWriteItems}
 * call's items up to a KB together (two small items: 2 units), where AWS bills each item of a transaction
 * two units per KB of its own (two small items: 4). The meter counts at least two units an item of a
 * transaction, which is AWS's figure while each item is under 1 KB (profiles, identities, counters), and
 * keeps what DynamoDB Local reported apart ({@link #writeUnitsAsReported()}).
 */
final class WriteMeter implements AutoCloseable {

    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");
    private static final Set<String> READS = Set.of("GetItem", "Query", "TransactGetItems", "BatchGetItem", "Scan");
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "expect", "transfer-encoding");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final DoubleAdder writeUnitsAsReported = new DoubleAdder();
    private final DoubleAdder readUnits = new DoubleAdder();
    private final ConcurrentMap<String, DoubleAdder> byOperation = new ConcurrentHashMap<>();

    WriteMeter(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    double writeUnits() {
        return writeUnits.sum();
    }

    /** The write units as DynamoDB Local reported them: the items it wrote, without AWS's price of a transaction. */
    double writeUnitsAsReported() {
        return writeUnitsAsReported.sum();
    }

    double readUnits() {
        return readUnits.sum();
    }

    /** Units so far per operation, e.g. {@code TransactWriteItems}. */
    Map<String, Double> byOperation() {
        Map<String, Double> copy = new TreeMap<>();
        byOperation.forEach((operation, units) -> copy.put(operation, units.sum()));
        return copy;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String amzTarget = exchange.getRequestHeaders().getFirst("x-amz-target");
        String operation = amzTarget == null ? "" : amzTarget.substring(amzTarget.indexOf('.') + 1);
        byte[] body = exchange.getRequestBody().readAllBytes();
        boolean metered = WRITES.contains(operation) || READS.contains(operation);
        int transactionItems = 0;
        if (metered) {
            ObjectNode request = (ObjectNode) json.readTree(body);
            request.put("ReturnConsumedCapacity", "TOTAL");
            transactionItems = request.path("TransactItems").size();
            body = json.writeValueAsBytes(request);
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> forward.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (metered && response.statusCode() == 200) {
                count(operation, json.readTree(response.body()).path("ConsumedCapacity"), transactionItems);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    private void count(String operation, JsonNode consumed, int transactionItems) {
        double reported = 0;
        if (consumed.isArray()) {
            for (JsonNode table : consumed) {
                reported += table.path("CapacityUnits").asDouble();
            }
        } else {
            reported = consumed.path("CapacityUnits").asDouble();
        }
        double units = "TransactWriteItems".equals(operation) ? Math.max(reported, 2.0 * transactionItems) : reported;
        if (WRITES.contains(operation)) {
            writeUnits.add(units);
            writeUnitsAsReported.add(reported);
        } else {
            readUnits.add(units);
        }
        byOperation.computeIfAbsent(operation, k -> new DoubleAdder()).add(units);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
