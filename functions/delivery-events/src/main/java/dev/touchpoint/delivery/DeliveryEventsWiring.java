package dev.touchpoint.delivery;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbDeliveryLedger;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.domain.delivery.DeliveryTracker;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Composition root of delivery-events: {@code TOUCHPOINT_TABLE}, {@code TOUCHPOINT_DEFAULT_REGION}. */
public final class DeliveryEventsWiring {

    private DeliveryEventsWiring() {
    }

    public static DeliveryReportProcessor build(Environment env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String table = env.required("TOUCHPOINT_TABLE");
        return new DeliveryReportProcessor(new DeliveryTracker(new DynamoDbInvitationRepository(dynamo, table),
                new DynamoDbProfileRepository(dynamo, table), new DynamoDbDeliveryLedger(dynamo, table),
                new IdentityNormalizer(env.optional("TOUCHPOINT_DEFAULT_REGION").orElse("TR"))));
    }
}
