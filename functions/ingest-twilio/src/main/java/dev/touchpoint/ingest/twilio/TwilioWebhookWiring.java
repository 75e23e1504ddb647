package dev.touchpoint.ingest.twilio;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.metrics.MeteredEventCounter;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.aws.wiring.WebhookClients;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.queue.codec.QueueMessageCodec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Composition root of ingest-twilio: builds the webhook from the function's configuration ({@code TOUCHPOINT_TWILIO_AUTH_TOKEN}
 * or its {@code …_SECRET_ARN}, {@code TOUCHPOINT_PUBLIC_URL}, {@code TOUCHPOINT_QUEUE_URL}, {@code TOUCHPOINT_TABLE}), and primes it.
 */
public final class TwilioWebhookWiring {

    private TwilioWebhookWiring() {
    }

    /** The clients first, the phone normaliser last: libphonenumber loads meanwhile on a thread of its own. */
    public static TwilioWebhook build(Environment env) {
        String region = env.defaultPhoneRegion();
        AheadOfFirstEvent.startPhoneRules(env, region);
        SqsFeedbackQueue queue = WebhookClients.queue(env);
        MeteredEventCounter counter = new MeteredEventCounter(WebhookClients.counter(env), EmfMetrics.from(env, "ingest-twilio"));
        return new TwilioWebhook(SecretSettings.read(env, Setting.TWILIO_AUTH_TOKEN), env.required(Setting.PUBLIC_URL),
                new IdentityNormalizer(region), queue, counter, Clock.systemUTC());
    }

    /** A customer's SMS as Twilio posts it: what priming walks through. */
    private static final Map<String, String> SAMPLE_SMS = Map.of("MessageSid", "SMpriming", "AccountSid", "ACpriming",
            "From", "+905550000000", "To", "+905550000001", "Body", "priming", "NumMedia", "0");

    /**
     * SnapStart priming (no side effects): the sample SMS, signed, accepted by a webhook like this one
     * whose queue only encodes and whose counter counts nothing; the same unsigned, refused by this one;
     * then the real clients' SQS send and DynamoDB update paths (see {@link Priming}).
     */
    public static void prime(Environment env, TwilioWebhook webhook) {
        String token = "priming-" + UUID.randomUUID();
        String publicUrl = "https://priming.invalid";
        TwilioWebhook offline = new TwilioWebhook(Optional.of(token), publicUrl, new IdentityNormalizer("TR"), QueueMessageCodec::encode,
                (provider, kind, at) -> { }, Clock.systemUTC());
        String form = SAMPLE_SMS.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String signature = WebhookSignatures.twilio(token, publicUrl + "/webhooks/twilio", SAMPLE_SMS);
        offline.handle(Priming.httpRequest("POST", "/webhooks/twilio", Map.of("content-type", "application/x-www-form-urlencoded",
                "x-twilio-signature", signature), form), line -> { });
        webhook.handle(Priming.httpRequest("POST", "/webhooks/twilio", Map.of("content-type", "application/x-www-form-urlencoded"), form),
                line -> { });
        Priming.touchWebhookClients(env);
    }
}
