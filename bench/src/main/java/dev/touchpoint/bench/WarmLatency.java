package dev.touchpoint.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.ingest.api.IngestApiHandler;
import dev.touchpoint.ingest.api.IngestApiWiring;
import dev.touchpoint.processor.FeedbackBatchProcessor;
import dev.touchpoint.processor.ProcessorWiring;
import dev.touchpoint.wire.feedback.SubmissionReader;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm latency per event, in process, after a warm-up: ingest-api on the sample feedback event and the
 * processor on batches of ten, both with their I/O to the embedded services included (SQS SendMessage;
 * DynamoDB reads and transactions). p50 and p99 over the measured iterations.
 */
final class WarmLatency {

    /** Response ids as a deployment makes them, under a secret of its own. */
    private static final KeyedHashes BENCH_IDS = KeyedHashes.fromText("bench-deployment-secret-0123456789abcdef");

    private static final int WARM_UP = 500;
    private static final int MEASURED = 2000;

    private WarmLatency() {
    }

    static void measure(Path root, Map<String, String> env, Map<String, Object> results) throws Exception {
        IngestApiHandler ingest = new IngestApiHandler(IngestApiWiring.build(Environment.of(env)));
        byte[] json = Files.readAllBytes(root.resolve("events/api-gateway/post-feedback.json"));
        APIGatewayV2HTTPEvent event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, WarmLatency.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json));
        double[] ingestMs = Timed.time(WARM_UP, MEASURED, i -> ingest.handleRequest(event, null));
        put(results, "warm_ms.ingest-api", ingestMs);

        APIGatewayV2HTTPEvent upload = importEvent(json, IMPORT_ROWS);
        double[] importMs = Timed.time(1, 3, i -> imported(ingest.handleRequest(upload, null), IMPORT_ROWS));
        results.put("warm_p50_ms.import_of_5000_rows", Bench.round(Timed.percentile(importMs, 50)));
        System.out.printf("  warm: import of %d CSV rows p50 %.0f ms (%.3f ms a row)%n", IMPORT_ROWS, Timed.percentile(importMs, 50),
                Timed.percentile(importMs, 50) / IMPORT_ROWS);
        APIGatewayV2HTTPEvent batch = batchEvent(json, BATCH_SUBMISSIONS);
        double[] batchOfMs = Timed.time(3, 9, i -> imported(ingest.handleRequest(batch, null), BATCH_SUBMISSIONS));
        results.put("warm_p50_ms.feedback_batch_of_500", Bench.round(Timed.percentile(batchOfMs, 50)));
        System.out.printf("  warm: a feedback batch of %d JSON submissions p50 %.0f ms (%.3f ms a submission)%n", BATCH_SUBMISSIONS,
                Timed.percentile(batchOfMs, 50), Timed.percentile(batchOfMs, 50) / BATCH_SUBMISSIONS);
        try (var sqs = SqsClients.create(Environment.of(env))) {
            sqs.purgeQueue(q -> q.queueUrl(env.get(Setting.QUEUE_URL.variable())));
        }

        FeedbackBatchProcessor processor = ProcessorWiring.build(Environment.of(env), (c, p, t, x) -> new SendOutcome.Sent(null));
        double[] batchMs = Timed.time(20, 100, i -> processor.process(batch(i), line -> { }));
        put(results, "warm_ms.processor_batch_of_10", batchMs);
        System.out.printf("  warm: ingest-api p50 %.2f ms p99 %.2f ms; processor batch of 10 p50 %.1f ms p99 %.1f ms%n",
                Timed.percentile(ingestMs, 50), Timed.percentile(ingestMs, 99), Timed.percentile(batchMs, 50), Timed.percentile(batchMs, 99));
    }

    static final int IMPORT_ROWS = 5000;
    static final int BATCH_SUBMISSIONS = 500;

    /**
     * {@code POST /v1/imports} of a file of {@code rows} valid rows (the most an import may hold), on the
     * sample event's headers: every row is validated and queued in SQS.
     */
    private static APIGatewayV2HTTPEvent importEvent(byte[] sampleJson, int rows) {
        StringBuilder csv = new StringBuilder("externalId,channel,touchpoint,surveyId,email,phone,customerExternalId,name,locale,"
                + "submittedAt,nps,csat,ces,rating,comment\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("import-%d,call_centre,hotline,,caller%d@example.com,,,,,2026-11-20T10:00:00Z,%d,,,,Yorum %d\r\n"
                    .formatted(i, i % 2000, i % 11, i));
        }
        return ingestEvent(sampleJson, "/v1/imports", "text/csv", csv.toString());
    }

    /**
     * {@code POST /v1/feedback/batch} of {@code count} valid submissions (the most a batch may hold) of as
     * many customers, each like the sample event's: every one is validated and queued in SQS.
     */
    private static APIGatewayV2HTTPEvent batchEvent(byte[] sampleJson, int count) {
        StringBuilder body = new StringBuilder("{\"submissions\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"externalId":"batch-%d","channel":"app","touchpoint":"ios-checkout","surveyId":"post-service",
                     "customer":{"email":"app%d@example.com"},"answers":[{"questionId":"nps","type":"nps","value":%d},
                     {"questionId":"comment","type":"text","value":"Yorum %d"}]}""".formatted(i, i, i % 11, i));
        }
        return ingestEvent(sampleJson, "/v1/feedback/batch", "application/json", body.append("]}").toString());
    }

    /** The sample event's request, with its headers, sent to another route with another body. */
    private static APIGatewayV2HTTPEvent ingestEvent(byte[] sampleJson, String path, String contentType, String body) {
        APIGatewayV2HTTPEvent event = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, WarmLatency.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(sampleJson));
        event.setRouteKey("POST " + path);
        event.setRawPath(path);
        event.getRequestContext().setRouteKey("POST " + path);
        event.getRequestContext().getHttp().setPath(path);
        event.setBody(body);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("content-type", contentType);
        headers.remove("content-length");
        event.setHeaders(headers);
        return event;
    }

    /** The run stops unless the import (or the batch) accepted every row, so a refusal cannot flatter the figure. */
    private static void imported(APIGatewayV2HTTPResponse answer, int rows) {
        if (answer.getStatusCode() != 202 || !answer.getBody().contains("\"accepted\":" + rows)) {
            throw new IllegalStateException("the import was not accepted whole: " + answer.getStatusCode() + " " + answer.getBody());
        }
    }

    /** Ten distinct responses of ten known customers. */
    private static SQSEvent batch(int round) {
        SubmissionReader reader = new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC());
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = round * 10 + i;
            List<String> bodies = new ArrayList<>();
            new FeedbackIntake(message -> bodies.add(QueueMessageCodec.encode(message)), BENCH_IDS, SubmissionWriter::canonical, Clock.systemUTC()).accept(reader.read(StrictJson.read("""
                    {"externalId":"warm-%d","channel":"web","touchpoint":"store-warm","surveyId":"post-service",
                     "customer":{"email":"warm%d@example.com"},"answers":[{"questionId":"nps","type":"nps","value":%d}]}"""
                    .formatted(n, i, n % 11))));
            records.add(SqsDeliveries.firstDelivery("warm-" + n, bodies.get(0)));
        }
        return SqsDeliveries.event(records);
    }

    private static void put(Map<String, Object> results, String key, double[] sorted) {
        results.put(key.replace("warm_ms.", "warm_p50_ms."), Bench.round(Timed.percentile(sorted, 50)));
        results.put(key.replace("warm_ms.", "warm_p99_ms."), Bench.round(Timed.percentile(sorted, 99)));
    }
}
