package dev.touchpoint.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.SubmissionReader;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.json.StrictJson;
import dev.touchpoint.domain.queue.QueueMessageCodec;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.processor.FeedbackBatchProcessor;
import dev.touchpoint.processor.ProcessorWiring;
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

    private WritesPerResponse() {
    }

    static void measure(EmbeddedDynamoDb dynamo, Map<String, String> env, Map<String, Object> results) throws Exception {
        try (WriteMeter meter = new WriteMeter(dynamo.endpoint())) {
            Map<String, String> metered = new HashMap<>(env);
            metered.put("AWS_ENDPOINT_URL_DYNAMODB", meter.endpoint().toString());
            metered.remove("TOUCHPOINT_CLOSED_LOOP_QUEUE_URL");
            FeedbackBatchProcessor processor = ProcessorWiring.build(Environment.of(metered), (channel, provider, to, text) -> { });
            double[] first = record(processor, meter, "units-1", 9);
            Map<String, Double> before = meter.byOperation();
            double[] known = record(processor, meter, "units-2", 8);
            meter.byOperation().forEach((operation, units) -> {
                double delta = units - before.getOrDefault(operation, 0.0);
                if (delta > 0) {
                    results.put("capacity_units_per_response.known_customer." + operation, Bench.round(delta));
                }
            });
            results.put("write_units_per_response.new_customer", Bench.round(first[0]));
            results.put("read_units_per_response.new_customer", Bench.round(first[1]));
            results.put("write_units_per_response.known_customer", Bench.round(known[0]));
            results.put("read_units_per_response.known_customer", Bench.round(known[1]));
            System.out.printf("  write units per response: new customer %.1f, known customer %.1f (reads %.1f)%n",
                    first[0], known[0], known[1]);
        }
    }

    /** @return write and read units of recording one web response of the bench customer */
    private static double[] record(FeedbackBatchProcessor processor, WriteMeter meter, String externalId, int nps) {
        List<String> bodies = new ArrayList<>();
        new FeedbackIntake(message -> bodies.add(QueueMessageCodec.encode(message)), Clock.systemUTC())
                .accept(new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC()).read(StrictJson.read("""
                        {"externalId":"%s","channel":"web","touchpoint":"store-bench","surveyId":"post-service",
                         "customer":{"email":"units@example.com"},"answers":[{"questionId":"nps","type":"nps","value":%d}]}"""
                        .formatted(externalId, nps))));
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(externalId);
        message.setBody(bodies.get(0));
        message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        double writes = meter.writeUnits();
        double reads = meter.readUnits();
        if (!processor.process(event, line -> { }).getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the processor failed the bench response");
        }
        return new double[] {meter.writeUnits() - writes, meter.readUnits() - reads};
    }
}
