package dev.touchpoint.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of DynamoDB Local that injects faults at the wire, where AWS would:
 * a write throttled (a transaction cancelled for throttling, a put refused for exceeded throughput),
 * a slow answer. The code under test is unchanged — it is
 * simply pointed at this proxy with {@code AWS_ENDPOINT_URL_DYNAMODB} — and every call is recorded.
 */
final class DynamoDbFaultProxy implements AutoCloseable {

    /** One request as the proxy saw it: the operation ({@code TransactWriteItems}, …) and its JSON body. */
    record Call(String operation, String body) {
    }

    /** What to do to the next {@code times} calls that match. */
    private record Fault(Predicate<Call> matches, AtomicInteger remaining, int delayMillis, boolean throttle) {
    }

    private final AtomicLong injected = new AtomicLong();

    private static final String THROTTLED_TRANSACTION = """
            {"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",\
            "Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [ThrottlingError]",\
            "CancellationReasons":[{"Code":"ThrottlingError","Message":"Throughput exceeds the current capacity of your table or index."}]}""";
    private static final String THROTTLED_WRITE = """
            {"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",\
            "message":"The level of configured provisioned throughput for the table was exceeded."}""";

    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> answered = new CopyOnWriteArrayList<>();

    DynamoDbFaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} matching calls answer as DynamoDB does when a write is throttled. */
    void throttle(Predicate<Call> matches, int times) {
        faults.add(new Fault(matches, new AtomicInteger(times), 0, true));
    }

    /** The next {@code times} matching calls are held this long before they reach the database. */
    void delay(Predicate<Call> matches, int times, int millis) {
        faults.add(new Fault(matches, new AtomicInteger(times), millis, false));
    }

    /** Every matching call is throttled with this probability, for as long as the proxy runs (a soak). */
    void throttleRandomly(Predicate<Call> matches, double probability, long seed) {
        Random random = new Random(seed);
        faults.add(new Fault(call -> matches.test(call) && nextBelow(random, probability), new AtomicInteger(Integer.MAX_VALUE), 0, true));
    }

    private static synchronized boolean nextBelow(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    /** How many calls were answered with an injected fault. */
    long injected() {
        return injected.get();
    }

    void clearFaults() {
        faults.clear();
    }

    long count(Predicate<Call> matches) {
        return calls.stream().filter(matches).count();
    }

    /** Calls that reached the database and were answered (a stalled one counts once it has finished). */
    long answered(Predicate<Call> matches) {
        return answered.stream().filter(matches).count();
    }

    /** The put that stores a response: the one write a response costs. */
    static Predicate<Call> responsePutMentioning(String text) {
        return call -> call.operation().equals("PutItem") && call.body().contains("\"RESPONSE#") && call.body().contains(text);
    }

    /** Any write: a put, an update, a delete, a transaction. */
    static boolean isWrite(Call call) {
        return Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem").contains(call.operation());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String amzTarget = exchange.getRequestHeaders().getFirst("x-amz-target");
        Call call = new Call(amzTarget == null ? "" : amzTarget.substring(amzTarget.indexOf('.') + 1), new String(body, StandardCharsets.UTF_8));
        calls.add(call);
        Fault fault = faults.stream().filter(f -> f.matches().test(call) && f.remaining().getAndDecrement() > 0).findFirst().orElse(null);
        try {
            if (fault != null && fault.throttle()) {
                injected.incrementAndGet();
                String error = call.operation().equals("TransactWriteItems") ? THROTTLED_TRANSACTION : THROTTLED_WRITE;
                answer(exchange, 400, error.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault != null) {
                Thread.sleep(fault.delayMillis());
            }
            HttpResponse<byte[]> response = Forwarding.send(http, target, exchange, body);
            Forwarding.copyHeaders(response, exchange);
            answer(exchange, response.statusCode(), response.body());
            answered.add(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 500, new byte[0]);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("content-type")) {
            exchange.getResponseHeaders().set("content-type", "application/x-amz-json-1.0");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
