package dev.touchpoint.ingest.sms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbWebhookEventCounter;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import java.time.Clock;

/** Lambda entry point for the two-way SMS topic. Configuration: {@code TOUCHPOINT_QUEUE_URL}, {@code TOUCHPOINT_TABLE}. */
public final class TwoWaySmsHandler implements RequestHandler<SNSEvent, Integer> {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final TwoWaySms SMS = build(Environment.system());
    }

    private final TwoWaySms sms;

    public TwoWaySmsHandler() {
        this(FromEnvironment.SMS);
    }

    public TwoWaySmsHandler(TwoWaySms sms) {
        this.sms = sms;
    }

    public static TwoWaySms build(Environment env) {
        return new TwoWaySms(new IdentityNormalizer(env.optional("TOUCHPOINT_DEFAULT_REGION").orElse("TR")),
                new SqsFeedbackQueue(AwsClients.sqs(env), env.required("TOUCHPOINT_QUEUE_URL")),
                new DynamoDbWebhookEventCounter(AwsClients.dynamoDb(env), env.required("TOUCHPOINT_TABLE")), Clock.systemUTC());
    }

    @Override
    public Integer handleRequest(SNSEvent event, Context context) {
        return sms.handle(event, message -> context.getLogger().log(message));
    }
}
