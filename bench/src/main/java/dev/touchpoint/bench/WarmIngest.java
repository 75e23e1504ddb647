package dev.touchpoint.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.FormFields;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.domain.conversation.WebhookEventCounter;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.ingest.api.IngestApiHandler;
import dev.touchpoint.ingest.api.IngestApiWiring;
import dev.touchpoint.ingest.meta.MetaWebhook;
import dev.touchpoint.ingest.sms.TwoWaySms;
import dev.touchpoint.ingest.twilio.TwilioWebhook;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Warm latency of the ingest functions with their I/O left out: each handler runs on its real sample
 * event (signature checked, parsed, normalised, encoded for the queue) and hands the message to an
 * in-memory queue instead of SQS. Every call must reach the queue, or the bench stops: a timing of
 * a rejection would flatter the figures.
 */
final class WarmIngest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;

    private WarmIngest() {
    }

    /** A queue that does what SqsFeedbackQueue does before the network: encode the message. */
    private static final class MemoryQueue implements FeedbackQueue {
        final AtomicLong taken = new AtomicLong();

        @Override
        public void enqueue(QueueMessage message) {
            if (QueueMessageCodec.encode(message).isEmpty()) {
                throw new IllegalStateException("empty message");
            }
            taken.incrementAndGet();
        }
    }

    private static final WebhookEventCounter NO_COUNTS = (provider, kind, at) -> { };

    static void measure(Path root, Map<String, String> env, Map<String, Object> results) throws Exception {
        Path events = root.resolve("events");
        IdentityNormalizer normalizer = new IdentityNormalizer("TR");

        MemoryQueue api = new MemoryQueue();
        IngestApiHandler ingest = new IngestApiHandler(IngestApiWiring.build(Environment.of(env), api));
        APIGatewayV2HTTPEvent feedback = apiEvent(Files.readAllBytes(events.resolve("api-gateway/post-feedback.json")));
        report(results, "ingest-api", api, i -> ingest.handleRequest(feedback, null));

        MemoryQueue twilioQueue = new MemoryQueue();
        TwilioWebhook twilio = new TwilioWebhook(Optional.of("bench-twilio"), "https://bench.invalid", normalizer, twilioQueue,
                NO_COUNTS, Clock.systemUTC());
        APIGatewayV2HTTPEvent sms = signedTwilioSms(events, "bench-twilio", "https://bench.invalid");
        report(results, "ingest-twilio", twilioQueue, i -> twilio.handle(new HttpRequest(sms), line -> { }));

        MemoryQueue metaQueue = new MemoryQueue();
        MetaWebhook meta = new MetaWebhook(Optional.of("bench-meta"), Optional.of("bench-verify"), normalizer, metaQueue, NO_COUNTS,
                Clock.systemUTC());
        APIGatewayV2HTTPEvent message = signedWhatsAppMessage(events, "bench-meta");
        report(results, "ingest-meta", metaQueue, i -> meta.handle(new HttpRequest(message), line -> { }));

        MemoryQueue smsQueue = new MemoryQueue();
        TwoWaySms twoWay = new TwoWaySms(normalizer, smsQueue, NO_COUNTS, Clock.systemUTC());
        SNSEvent text = LambdaEventSerializers.serializerFor(SNSEvent.class, WarmIngest.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(Files.readAllBytes(events.resolve("sns/two-way-sms.json"))));
        report(results, "ingest-sms", smsQueue, i -> twoWay.handle(text, line -> { }));
    }

    private static void report(Map<String, Object> results, String function, MemoryQueue queue, Timed.Step step) throws Exception {
        double[] millis = Timed.time(WARM_UP, MEASURED, step);
        if (queue.taken.get() != WARM_UP + MEASURED) {
            throw new IllegalStateException(function + " queued " + queue.taken.get() + " of " + (WARM_UP + MEASURED) + " events");
        }
        double p50 = Timed.percentile(millis, 50);
        double p99 = Timed.percentile(millis, 99);
        results.put("warm_p50_ms_without_io." + function, Bench.round3(p50));
        results.put("warm_p99_ms_without_io." + function, Bench.round3(p99));
        System.out.printf("  warm without I/O: %-14s p50 %.3f ms p99 %.3f ms%n", function, p50, p99);
    }

    private static APIGatewayV2HTTPEvent apiEvent(byte[] json) {
        return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, WarmIngest.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json));
    }

    /** Twilio's sample SMS webhook, signed with {@code authToken} as Twilio signs it for {@code publicUrl}. */
    static APIGatewayV2HTTPEvent signedTwilioSms(Path events, String authToken, String publicUrl) throws IOException {
        String form = Files.readString(events.resolve("webhooks/twilio-sms.form")).trim();
        Map<String, String> fields = FormFields.read(new HttpRequest(post("/webhooks/twilio", "application/x-www-form-urlencoded", form,
                Map.of())), form.length()).orElseThrow();
        return post("/webhooks/twilio", "application/x-www-form-urlencoded", form,
                Map.of("x-twilio-signature", WebhookSignatures.twilio(authToken, publicUrl + "/webhooks/twilio", fields)));
    }

    /** Meta's sample WhatsApp text message webhook, signed with {@code appSecret} as Meta signs it. */
    static APIGatewayV2HTTPEvent signedWhatsAppMessage(Path events, String appSecret) throws IOException {
        String whatsapp = Files.readString(events.resolve("webhooks/whatsapp-text.json"));
        return post("/webhooks/whatsapp", "application/json", whatsapp,
                Map.of("x-hub-signature-256", WebhookSignatures.meta(appSecret, whatsapp.getBytes(StandardCharsets.UTF_8))));
    }

    private static APIGatewayV2HTTPEvent post(String path, String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("content-type", contentType);
        return APIGatewayV2HTTPEvent.builder().withRouteKey("POST " + path).withRawPath(path).withRawQueryString("")
                .withHeaders(all).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path)
                                .withSourceIp("198.51.100.7").build()).build())
                .build();
    }
}
