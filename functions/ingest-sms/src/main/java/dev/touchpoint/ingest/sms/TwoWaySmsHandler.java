package dev.touchpoint.ingest.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbWebhookEventCounter;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.metrics.MeteredEventCounter;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.queue.codec.QueueMessageCodec;
import java.time.Clock;

/** Lambda entry point for the two-way SMS topic. Configuration: {@code TOUCHPOINT_QUEUE_URL}, {@code TOUCHPOINT_TABLE}. */
public final class TwoWaySmsHandler implements RequestHandler<SNSEvent, Integer> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final TwoWaySms SMS = build(Environment.system());

        static {
            Priming.beforeSnapshot("ingest-sms", () -> prime(Environment.system()));
        }
    }

    private final TwoWaySms sms;

    public TwoWaySmsHandler() {
        this(FromEnvironment.SMS);
    }

    public TwoWaySmsHandler(TwoWaySms sms) {
        this.sms = sms;
    }

    /** The clients first, the phone normaliser last: libphonenumber loads meanwhile on a thread of its own. */
    public static TwoWaySms build(Environment env) {
        String region = env.defaultPhoneRegion();
        AheadOfFirstEvent.startPhoneRules(env, region);
        SqsFeedbackQueue queue = new SqsFeedbackQueue(AwsClients.sqs(env), env.required(Setting.QUEUE_URL));
        MeteredEventCounter counter = new MeteredEventCounter(new DynamoDbWebhookEventCounter(AwsClients.dynamoDb(env),
                env.required(Setting.TABLE)), EmfMetrics.from(env, "ingest-sms"));
        return new TwoWaySms(new IdentityNormalizer(region), queue, counter, Clock.systemUTC());
    }

    /** A customer's SMS as AWS End User Messaging publishes it to the topic: what priming walks through. */
    private static final String SAMPLE_SMS = """
            {"originationNumber":"+905550000000","destinationNumber":"+15550100","messageKeyword":"KEYWORD_PRIMING",\
            "messageBody":"9","inboundMessageId":"priming","previousPublishedMessageId":"priming"}""";

    /**
     * SnapStart priming (no side effects): the sample SMS read and queued by a function like this one
     * whose queue only encodes and whose counter counts nothing, then the real clients' SQS send and
     * DynamoDB update paths (see {@link Priming}).
     */
    public static void prime(Environment env) {
        TwoWaySms offline = new TwoWaySms(new IdentityNormalizer("TR"), QueueMessageCodec::encode, (provider, kind, at) -> { },
                Clock.systemUTC());
        if (offline.handle(Priming.snsNotification(SAMPLE_SMS), line -> { }) != 1) {
            throw new IllegalStateException("the sample SMS was not queued");
        }
        Priming.touchWebhookClients(env);
    }

    @Override
    public Integer handleRequest(SNSEvent event, Context context) {
        return sms.handle(event, JsonLines.of("ingest-sms", context));
    }
}
