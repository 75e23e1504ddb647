package dev.touchpoint.ingest.twilio;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.FormFields;
import dev.touchpoint.aws.apigateway.HttpRequest;
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
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Composition root of ingest-twilio: builds the webhook from its settings ({@link TwilioWebhookSettings})
 * and Twilio's auth token ({@code TOUCHPOINT_TWILIO_AUTH_TOKEN} or its {@code …_SECRET_ARN}), and primes it.
 */
public final class TwilioWebhookWiring {

    private TwilioWebhookWiring() {
    }

    /** The clients first, the phone normaliser last: libphonenumber loads meanwhile on a thread of its own. */
    public static TwilioWebhook build(Environment env) {
        TwilioWebhookSettings settings = TwilioWebhookSettings.from(env);
        String region = settings.inbound().phoneRegion();
        AheadOfFirstEvent.startPhoneRules(env, region);
        SqsFeedbackQueue queue = WebhookClients.queue(env, settings.inbound());
        MeteredEventCounter counter = WebhookClients.counter(env, settings.inbound(), "ingest-twilio");
        return new TwilioWebhook(SecretSettings.read(env, Setting.TWILIO_AUTH_TOKEN), settings.publicUrl(),
                new IdentityNormalizer(region), queue, counter, Clock.systemUTC());
    }

    /** A customer's SMS as Twilio posts it (events/README.md): what priming walks through. */
    private static final String SAMPLE_SMS = "webhooks/twilio-sms.form";

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
        String form = SampleEvents.text(SAMPLE_SMS).strip();
        HttpRequest unsigned = Priming.httpRequest("POST", "/webhooks/twilio", Map.of("content-type", "application/x-www-form-urlencoded"), form);
        Map<String, String> fields = FormFields.read(unsigned, form.length()).orElseThrow();
        String signature = WebhookSignatures.twilio(token, publicUrl + "/webhooks/twilio", fields);
        int status = offline.handle(Priming.httpRequest("POST", "/webhooks/twilio", Map.of("content-type",
                "application/x-www-form-urlencoded", "x-twilio-signature", signature), form), line -> { }).getStatusCode();
        if (status != 200) {
            throw new IllegalStateException("the signed sample SMS was answered " + status);
        }
        webhook.handle(unsigned, line -> { });
        WebhookClients.prime(env, InboundSettings.from(env));
    }
}
