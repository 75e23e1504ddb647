package dev.touchpoint.ingest.sms;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.lambda.SampleEvents;
import dev.touchpoint.aws.metrics.MeteredEventCounter;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.aws.wiring.InboundSettings;
import dev.touchpoint.aws.wiring.WebhookClients;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.time.Clock;

/**
 * Composition root of ingest-sms: builds the topic's reader from the function's configuration ({@code TOUCHPOINT_QUEUE_URL},
 * {@code TOUCHPOINT_TABLE}), and primes it.
 */
public final class TwoWaySmsWiring {

    private TwoWaySmsWiring() {
    }

    /** The clients first, the phone normaliser last: libphonenumber loads meanwhile on a thread of its own. */
    public static TwoWaySms build(Environment env) {
        InboundSettings settings = InboundSettings.from(env);
        String region = settings.phoneRegion();
        AheadOfFirstEvent.startPhoneRules(env, region);
        SqsFeedbackQueue queue = WebhookClients.queue(env, settings);
        MeteredEventCounter counter = WebhookClients.counter(env, settings, "ingest-sms");
        return new TwoWaySms(new IdentityNormalizer(region), queue, counter, Clock.systemUTC());
    }

    /** A customer's SMS as AWS End User Messaging publishes it to the topic (events/README.md): what priming walks through. */
    private static final String SAMPLE_SMS = "sns/two-way-sms.json";

    /**
     * SnapStart priming (no side effects): the sample SMS read and queued by a function like this one
     * whose queue only encodes and whose counter counts nothing, then the real clients' SQS send and
     * DynamoDB update paths (see {@link Priming}).
     */
    public static void prime(Environment env) {
        TwoWaySms offline = new TwoWaySms(new IdentityNormalizer("TR"), QueueMessageCodec::encode, (provider, kind, at) -> { },
                Clock.systemUTC());
        if (offline.handle(SampleEvents.read(SAMPLE_SMS, SNSEvent.class), line -> { }) != 1) {
            throw new IllegalStateException("the sample SMS was not queued");
        }
        WebhookClients.prime(env, InboundSettings.from(env));
    }
}
