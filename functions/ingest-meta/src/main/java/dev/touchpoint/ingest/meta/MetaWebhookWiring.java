package dev.touchpoint.ingest.meta;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.lambda.SampleEvents;
import dev.touchpoint.aws.metrics.MeteredEventCounter;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.aws.wiring.InboundSettings;
import dev.touchpoint.aws.wiring.WebhookClients;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Composition root of ingest-meta: builds the webhook from the function's configuration ({@code TOUCHPOINT_META_APP_SECRET}
 * and {@code TOUCHPOINT_META_VERIFY_TOKEN} or their {@code …_SECRET_ARN}, {@code TOUCHPOINT_QUEUE_URL}, {@code TOUCHPOINT_TABLE}),
 * and primes it.
 */
public final class MetaWebhookWiring {

    private MetaWebhookWiring() {
    }

    /** The clients first, the phone normaliser last: libphonenumber loads meanwhile on a thread of its own. */
    public static MetaWebhook build(Environment env) {
        InboundSettings settings = InboundSettings.from(env);
        String region = settings.phoneRegion();
        AheadOfFirstEvent.startPhoneRules(env, region);
        SqsFeedbackQueue queue = WebhookClients.queue(env, settings);
        MeteredEventCounter counter = WebhookClients.counter(env, settings, "ingest-meta");
        return new MetaWebhook(SecretSettings.read(env, Setting.META_APP_SECRET), SecretSettings.read(env, Setting.META_VERIFY_TOKEN),
                new IdentityNormalizer(region), queue, counter, Clock.systemUTC());
    }

    /** A customer's WhatsApp text and our reply's delivery status, as Meta posts them (events/README.md): what priming walks through. */
    private static final List<String> SAMPLES = List.of("webhooks/whatsapp-text.json", "webhooks/whatsapp-delivered.json");

    /**
     * SnapStart priming (no side effects): the sample, signed, accepted by a webhook like this one whose
     * queue only encodes and whose counter counts nothing; the same unsigned, refused by this one; then
     * the real clients' SQS send and DynamoDB update paths (see {@link Priming}).
     */
    public static void prime(Environment env, MetaWebhook webhook) {
        String secret = "priming-" + UUID.randomUUID();
        MetaWebhook offline = new MetaWebhook(Optional.of(secret), Optional.of(secret), new IdentityNormalizer("TR"), QueueMessageCodec::encode,
                (provider, kind, at) -> { }, Clock.systemUTC());
        for (String sample : SAMPLES) {
            String body = SampleEvents.text(sample);
            String signature = WebhookSignatures.meta(secret, body.getBytes(StandardCharsets.UTF_8));
            int status = offline.handle(Priming.httpRequest("POST", "/webhooks/whatsapp", Map.of("content-type", "application/json",
                    "x-hub-signature-256", signature), body), line -> { }).getStatusCode();
            if (status != 200) {
                throw new IllegalStateException("the signed sample " + sample + " was answered " + status);
            }
            webhook.handle(Priming.httpRequest("POST", "/webhooks/whatsapp", Map.of("content-type", "application/json"), body),
                    line -> { });
        }
        WebhookClients.prime(env, InboundSettings.from(env));
    }
}
