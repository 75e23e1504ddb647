package dev.touchpoint.aws.wiring;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbWebhookEventCounter;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.metrics.MeteredEventCounter;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.startup.FirstCalls;
import dev.touchpoint.contract.config.Setting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every inbound channel's function (Twilio, Meta, two-way SMS, inbound mail) writes to: the
 * feedback queue ({@code TOUCHPOINT_QUEUE_URL}) and the count of provider events in the table
 * ({@code TOUCHPOINT_TABLE}). Each client's first call is started ahead ({@link FirstCalls}).
 */
public final class WebhookClients {

    private WebhookClients() {
    }

    public static SqsFeedbackQueue queue(Environment env) {
        SqsClient sqs = AwsClients.sqs(env);
        String queueUrl = env.required(Setting.QUEUE_URL);
        FirstCalls.sqs(env, sqs, queueUrl);
        return new SqsFeedbackQueue(sqs, queueUrl);
    }

    /** The provider events the function took, counted in the table and as its business metric. */
    public static MeteredEventCounter counter(Environment env, String function) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String table = env.required(Setting.TABLE);
        FirstCalls.dynamoDb(env, dynamo, table);
        return new MeteredEventCounter(new DynamoDbWebhookEventCounter(dynamo, table), EmfMetrics.from(env, function));
    }
}
