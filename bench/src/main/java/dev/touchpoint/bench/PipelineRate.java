package dev.touchpoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.local.LocalConfig;
import dev.touchpoint.local.LocalRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
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

    /** How many distinct customers the pipeline's events come from: the first event of each is a new customer. */
    static final int CUSTOMERS = 5000;

    /**
     * The pipeline's write units per second as a share of the BatchWriteItem ceiling, when both were
     * measured: events per second × the write units of this run's mix of new and known customers. A new
     * customer's units are the ones DynamoDB Local reports (the items it wrote), not AWS's double price
     * of a transaction, which would flatter the share without any more work done.
     */
    static void shareOfCeiling(int events, Map<String, Object> results) {
        Object ceiling = results.get("dynamodb_local_items_per_second.batch_write_item");
        Object known = results.get("write_units_per_response.known_customer");
        Object fresh = results.get("write_units_per_response.new_customer_as_dynamodb_local_reports");
        if (ceiling == null || known == null || fresh == null) {
            return;
        }
        int newCustomers = Math.min(events, CUSTOMERS);
        double unitsPerEvent = (newCustomers * ((Number) fresh).doubleValue()
                + (events - newCustomers) * ((Number) known).doubleValue()) / events;
        results.put("pipeline_write_units_per_event", Bench.round(unitsPerEvent));
        for (String key : List.copyOf(results.keySet())) {
            if (!key.startsWith("pipeline_events_per_second.end_to_end")) {
                continue;
            }
            String suffix = key.substring("pipeline_events_per_second.end_to_end".length());
            Object rate = results.get(key);
            if (rate != null) {
                double units = ((Number) rate).doubleValue() * unitsPerEvent;
                results.put("pipeline_write_units_per_second" + suffix, Math.round(units));
                results.put("pipeline_percent_of_batch_write_ceiling" + suffix,
                        Bench.round(100 * units / ((Number) ceiling).doubleValue()));
            }
        }
    }

    /**
     * What deriving counts from responses costs a reader: the median of three summary reports (the last
     * 30 days, by channel) over every response the pipeline just stored, all answered today. The report
 * must count every event sent, once, or the bench stops.
     */
    private static double reportMillis(HttpClient http, int port, int events) throws Exception {
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> report = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v1/reports/summary?groupBy=channel")).header("x-api-key", "bench-key").build(), HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (report.statusCode() != 200) {
                throw new IllegalStateException("the summary report answered " + report.statusCode() + ": " + report.body());
            }
            int counted = 0;
            for (JsonNode group : new ObjectMapper().readTree(report.body()).get("groups")) {
                counted += group.get("responses").asInt();
            }
            if (counted != events) {
                throw new IllegalStateException("the report counts " + counted + " responses of " + events + " events sent");
            }
        }
        Arrays.sort(millis);
        return millis[1];
    }

    /** @param pollers the processor's pollers, as Lambda runs several processors (the event source's maximum concurrency) */
    static void measure(int events, int pollers, Map<String, Object> results) throws Exception {
        String suffix = pollers == 1 ? "" : "_" + pollers + "_pollers";
        try (LocalRuntime runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"},
                Map.of(Setting.API_KEY.variable(), "bench-key", Setting.PROCESSOR_POLLERS.variable(), Integer.toString(pollers))))) {
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
                        .formatted(i, i % 20, i % CUSTOMERS, i % 11);
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
            results.put("report_ms_over_the_pipelines_responses" + suffix, Bench.round(reportMillis(http, runtime.port(), events)));
            results.put("pipeline_events.sent" + suffix, events);
            results.put("pipeline_events.refused" + suffix, refused.get());
            results.put("pipeline_events_per_second.http_ingest" + suffix, Math.round(events / ingestSeconds));
            results.put("pipeline_events_per_second.end_to_end" + suffix, Math.round(events / seconds));
            System.out.printf("  pipeline, %d poller(s): %d events, ingest %.0f/s, end to end %.0f/s (%d refused)%n", pollers, events,
                    events / ingestSeconds, events / seconds, refused.get());
        }
    }
}
