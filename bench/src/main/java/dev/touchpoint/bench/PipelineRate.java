package dev.touchpoint.bench;

import dev.touchpoint.local.LocalConfig;
import dev.touchpoint.local.LocalRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local pipeline end to end: N distinct feedback events over HTTP into the local runtime (64 in
 * flight), through ElasticMQ and the processor into DynamoDB Local, all on this machine's cores; from
 * the first request to the queue drained.
 */
final class PipelineRate {

    private PipelineRate() {
    }

    /** @param pollers the processor's pollers, as Lambda runs several processors (the event source's maximum concurrency) */
    static void measure(int events, int pollers, Map<String, Object> results) throws Exception {
        String suffix = pollers == 1 ? "" : "_" + pollers + "_pollers";
        try (LocalRuntime runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"},
                Map.of("TOUCHPOINT_API_KEY", "bench-key", "TOUCHPOINT_PROCESSOR_POLLERS", Integer.toString(pollers))))) {
            HttpClient http = HttpClient.newHttpClient();
            URI feedback = URI.create("http://127.0.0.1:" + runtime.port() + "/v1/feedback");
            Semaphore inFlight = new Semaphore(64);
            AtomicInteger refused = new AtomicInteger();
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                inFlight.acquire();
                String body = """
                        {"externalId":"bench-%d","channel":"app","touchpoint":"store-%d","surveyId":"post-service",
                         "customer":{"email":"bench%d@example.com"},"answers":[{"questionId":"nps","type":"nps","value":%d}]}"""
                        .formatted(i, i % 20, i % 5000, i % 11);
                CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(HttpRequest.newBuilder(feedback)
                        .header("content-type", "application/json").header("x-api-key", "bench-key")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                sent.whenComplete((response, failure) -> {
                    if (failure != null || response.statusCode() != 202) {
                        refused.incrementAndGet();
                    }
                    inFlight.release();
                });
            }
            inFlight.acquire(64);
            double ingestSeconds = (System.nanoTime() - start) / 1e9;
            while (runtime.queueDepth(runtime.queues().feedbackUrl()).total() > 0) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            results.put("pipeline_events.sent" + suffix, events);
            results.put("pipeline_events.refused" + suffix, refused.get());
            results.put("pipeline_events_per_second.http_ingest" + suffix, Math.round(events / ingestSeconds));
            results.put("pipeline_events_per_second.end_to_end" + suffix, Math.round(events / seconds));
            System.out.printf("  pipeline, %d poller(s): %d events, ingest %.0f/s, end to end %.0f/s (%d refused)%n", pollers, events,
                    events / ingestSeconds, events / seconds, refused.get());
        }
    }
}
