package dev.touchpoint.aws.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.aws.logging.JsonLines;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Lambda snapshots a function after its init and restores that snapshot on a cold
 * start; whatever the first event would load or compile for the first time, it still does after the
 * restore. A prime registered here runs once before the snapshot (a CRaC {@code beforeCheckpoint}
 * hook) and walks the hot path without side effects — the domain on a sample input, and each client
 * through one harmless request (each service's module has them: {@code DynamoDbPrimes},
 * {@code SqsPrimes}) — so the snapshot already holds those classes. On a JVM without CRaC
 * (plain Lambda, local runs, tests) nothing calls the hooks. A prime that fails is logged and ignored:
 * priming may make a start faster, never make a deployment fail.
 */
public final class Priming {

    /** CRaC holds resources weakly; these must live as long as the container. */
    /** One JSON line per prime: a deploy's function log shows what was primed in how long, or why it failed. */
    private static final EventLog LOG = JsonLines.of("priming", (String) null);
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();
    private static final List<Supplier<Outcome>> PRIMES = new CopyOnWriteArrayList<>();

    /** How one prime went: {@code failure} is the exception's simple name, null when it succeeded. */
    public record Outcome(String what, long millis, String failure) {
    }

    private Priming() {
    }

    public static void beforeSnapshot(String what, Runnable prime) {
        Supplier<Outcome> logged = () -> runQuietly(what, prime);
        PRIMES.add(logged);
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                logged.get();
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // Nothing to reopen: the SDK's HTTP client replaces a connection the snapshot left stale.
            }
        };
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /** Runs every registered prime now, as the snapshot would (the bench measures what that saves). */
    public static List<Outcome> runAll() {
        return PRIMES.stream().map(Supplier::get).toList();
    }

    /** A request as the HTTP API would hand it over, from a documentation address: what an HTTP function's primes serve. */
    public static HttpRequest httpRequest(String method, String path, Map<String, String> headers, String body) {
        return httpRequest(method, path, Map.of(), headers, body);
    }

    /** The same with a query string ({@code ?from=…&to=…}, {@code ?survey=…}). */
    public static HttpRequest httpRequest(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        String rawQuery = String.join("&", query.entrySet().stream().map(parameter -> parameter.getKey() + "="
                + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)).toList());
        return new HttpRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(method + " " + path).withRawPath(path).withRawQueryString(rawQuery)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(APIGatewayV2HTTPEvent.RequestContext.Http
                        .builder().withMethod(method).withPath(path).withSourceIp("192.0.2.1").build()).build())
                .build());
    }

    /** One SNS notification carrying this message, as a topic hands it to a subscribed function: what an SNS function's primes read. */
    public static SNSEvent snsNotification(String message) {
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withEventSource("aws:sns")
                .withSns(new SNSEvent.SNS().withType("Notification").withMessageId("priming").withMessage(message))));
    }

    /**
     * True once a prime has run: the snapshot is being prepared, so nothing may start work that could
     * still be in flight when it is taken (the primes make the calls they need themselves).
     */
    public static boolean underway() {
        return underway;
    }

    private static volatile boolean underway;

    private static Outcome runQuietly(String what, Runnable prime) {
        underway = true;
        long start = System.nanoTime();
        try {
            prime.run();
            Outcome done = new Outcome(what, (System.nanoTime() - start) / 1_000_000, null);
            LOG.info("priming.done", null, what + " in " + done.millis() + " ms");
            return done;
        } catch (RuntimeException e) {
            LOG.warn("priming.failed", null, what + " failed (" + e.getClass().getSimpleName() + "); the snapshot is taken all the same");
            return new Outcome(what, (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
        }
    }
}
