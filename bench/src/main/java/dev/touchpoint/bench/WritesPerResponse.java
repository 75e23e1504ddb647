package dev.touchpoint.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.ingest.api.IngestApi;
import dev.touchpoint.ingest.api.IngestApiWiring;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.processor.FeedbackBatchProcessor;
import dev.touchpoint.processor.ProcessorWiring;
import dev.touchpoint.wire.feedback.SubmissionReader;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write and read units one response costs, as DynamoDB reports them ({@code ReturnConsumedCapacity}),
 * through the real processor: a new customer's first response, then a plain response from the same,
 * now known, customer (what most responses are).
 */
final class WritesPerResponse {

    /** Response ids as a deployment makes them, under a secret of its own. */
    private static final KeyedHashes BENCH_IDS = KeyedHashes.fromText("bench-deployment-secret-0123456789abcdef");

    /** A detractor's paragraph, as many write: 600 characters of Turkish, about 650 bytes in UTF-8. */
    private static final String COMMENT = "Kargo üç gün gecikti ve kimse haber vermedi; çağrı merkezini aradığımda "
            .repeat(9).substring(0, 600);

    private WritesPerResponse() {
    }

    static void measure(EmbeddedDynamoDb dynamo, Map<String, String> env, Map<String, Object> results) throws Exception {
        try (WriteMeter meter = new WriteMeter(dynamo.endpoint())) {
            Map<String, String> metered = new HashMap<>(env);
            metered.put("AWS_ENDPOINT_URL_DYNAMODB", meter.endpoint().toString());
            metered.remove(Setting.CLOSED_LOOP_QUEUE_URL.variable());
            FeedbackBatchProcessor processor = ProcessorWiring.build(Environment.of(metered), (channel, provider, to, text) -> new SendOutcome.Sent(null));
            double[] first = record(processor, meter, "units-1", 9, null);
            Map<String, Double> before = meter.byOperation();
            double[] known = record(processor, meter, "units-2", 8, null);
            meter.byOperation().forEach((operation, units) -> {
                double delta = units - before.getOrDefault(operation, 0.0);
                if (delta > 0) {
                    results.put("capacity_units_per_response.known_customer." + operation, Bench.round(delta));
                }
            });
            Bench.putUnits(results, "response.new_customer", first);
            results.put("write_units_per_response.new_customer_as_dynamodb_local_reports", Bench.round(first[2]));
            Bench.putUnits(results, "response.known_customer", known);
            System.out.printf("  write units per response: new customer %.1f (DynamoDB Local reports %.1f), known customer %.1f (reads %.1f)%n",
                    first[0], first[2], known[0], known[1]);
            // DynamoDB bills a write unit per KB of the item, on the table and on each index that projects it.
            double[] commented = record(processor, meter, "units-3", 3, COMMENT);
            results.put("write_units_per_response.known_customer_with_a_600_character_comment", Bench.round(commented[0]));
            System.out.printf("  write units per response with a %d-character comment: %.1f%n", COMMENT.length(), commented[0]);
            int longest = longestCommentAtThreeUnits(processor, meter);
            results.put("comment_bytes_of_the_longest_response_at_3_write_units", longest);
            System.out.printf("  the longest comment a response takes at 3 write units: %d bytes%n", longest);
            double widget = widgetSubmission(metered, meter);
            results.put("write_units_per_request.widget_submission_at_ingest", Bench.round(widget));
            System.out.printf("  write units of a widget submission at ingest (its rate-limit window): %.1f%n", widget);
        }
    }

    /**
     * The longest comment (ASCII, so a byte a character) with which a known customer's response still costs
     * 3 write units: where the item, written three times (table and two indexes), passes 1 KB. Found by
     * halving the interval, each try a new response of the same customer.
     */
    private static int longestCommentAtThreeUnits(FeedbackBatchProcessor processor, WriteMeter meter) {
        int fits = 0;
        int exceeds = 1024;
        for (int attempt = 0; exceeds - fits > 1; attempt++) {
            int length = (fits + exceeds) / 2;
            double units = record(processor, meter, "units-length-" + attempt, 7, "x".repeat(length))[0];
            if (units <= 3) {
                fits = length;
            } else {
                exceeds = length;
            }
        }
        if (fits == 0) {
            throw new IllegalStateException("even a one-byte comment costs more than 3 write units");
        }
        return fits;
    }

    /**
     * A browser widget's POST with a publishable key, through the real ingest-api: before it queues the
     * response it counts the request in its key's and address's rate window in DynamoDB, a write that an
     * API-key request does not make. The queue only encodes, so the units are the ingest's own.
     */
    private static double widgetSubmission(Map<String, String> metered, WriteMeter meter) {
        Map<String, String> widgetEnv = new HashMap<>(metered);
        widgetEnv.put(Setting.PUBLISHABLE_KEYS.variable(), "pk_bench=https://shop.example");
        IngestApi ingest = IngestApiWiring.build(Environment.of(widgetEnv), QueueMessageCodec::encode);
        double writes = meter.writeUnits();
        int status = ingest.handle(Priming.httpRequest("POST", "/v1/feedback", Map.of("content-type", "application/json",
                "x-publishable-key", "pk_bench", "origin", "https://shop.example"), """
                {"externalId":"widget-units","channel":"web","touchpoint":"web-checkout","surveyId":"post-service",
                 "answers":[{"questionId":"nps","type":"nps","value":9}]}"""), line -> { }).getStatusCode();
        if (status != 202) {
            throw new IllegalStateException("the widget submission was answered " + status);
        }
        return meter.writeUnits() - writes;
    }

    /**
     * @return write units (as AWS bills them), read units and write units as DynamoDB Local reported them,
     *     of recording one web response of the bench customer, with a comment if given
     */
    private static double[] record(FeedbackBatchProcessor processor, WriteMeter meter, String externalId, int nps, String comment) {
        List<String> bodies = new ArrayList<>();
        String commentAnswer = comment == null ? "" : ",{\"questionId\":\"comment\",\"type\":\"text\",\"value\":\"" + comment + "\"}";
        new FeedbackIntake(message -> bodies.add(QueueMessageCodec.encode(message)), BENCH_IDS, SubmissionWriter::canonical, Clock.systemUTC())
                .accept(new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC()).read(StrictJson.read("""
                        {"externalId":"%s","channel":"web","touchpoint":"store-bench","surveyId":"post-service",
                         "customer":{"email":"units@example.com"},"answers":[{"questionId":"nps","type":"nps","value":%d}%s]}"""
                        .formatted(externalId, nps, commentAnswer))));
        SQSEvent event = SqsDeliveries.event(List.of(SqsDeliveries.firstDelivery(externalId, bodies.get(0))));
        double writes = meter.writeUnits();
        double reads = meter.readUnits();
        double reported = meter.writeUnitsAsReported();
        if (!processor.process(event, line -> { }).getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the processor failed the bench response");
        }
        return new double[] {meter.writeUnits() - writes, meter.readUnits() - reads, meter.writeUnitsAsReported() - reported};
    }
}
