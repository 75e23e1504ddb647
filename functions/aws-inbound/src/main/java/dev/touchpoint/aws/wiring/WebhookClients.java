package dev.touchpoint.aws.wiring;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbPrimes;
import dev.touchpoint.aws.dynamodb.DynamoDbWebhookEventCounter;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.metrics.MeteredEventCounter;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.sqs.SqsPrimes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What every inbound channel's function (Twilio, Meta, two-way SMS, inbound mail) writes to: the
 * feedback queue and the count of provider events in the table ({@link InboundSettings}). Each client's first call is started ahead
 * ({@code firstCall}).
 */
public final class WebhookClients {

    private WebhookClients() {
    }

    public static SqsFeedbackQueue queue(Environment env, InboundSettings settings) {
        SqsClient sqs = SqsClients.create(env);
        SqsClients.firstCall(env, sqs, settings.queueUrl());
        return new SqsFeedbackQueue(sqs, settings.queueUrl());
    }

    /** The provider events the function took, counted in the table and as its business metric. */
    public static MeteredEventCounter counter(Environment env, InboundSettings settings, String function) {
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        DynamoDbClients.firstCall(env, dynamo, settings.table());
        return new MeteredEventCounter(new DynamoDbWebhookEventCounter(dynamo, settings.table()), EmfMetrics.from(env, function));
    }

    /**
     * What a webhook function's clients do with a message, for its SnapStart prime: a send to the
     * feedback queue's missing neighbour and the webhook counter's update, refused. New clients: the
     * wiring's may be still making their first calls.
     */
    public static void prime(Environment env, InboundSettings settings) {
        SqsPrimes.touch(SqsClients.create(env), settings.queueUrl());
        DynamoDbPrimes.touchUpdate(DynamoDbClients.create(env), settings.table());
    }
}
