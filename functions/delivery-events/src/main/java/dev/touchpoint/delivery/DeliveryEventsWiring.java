package dev.touchpoint.delivery;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbDeliveryLedger;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbPrimes;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.lambda.SampleEvents;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.domain.delivery.DeliveryTracker;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Composition root of delivery-events, from its settings ({@link DeliveryEventsSettings}), and its SnapStart prime. */
public final class DeliveryEventsWiring {

    private DeliveryEventsWiring() {
    }

    public static DeliveryReportProcessor build(Environment env) {
        DeliveryEventsSettings settings = DeliveryEventsSettings.from(env);
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        String table = settings.table();
        DynamoDbClients.firstCall(env, dynamo, table);
        return new DeliveryReportProcessor(new DeliveryTracker(new DynamoDbInvitationRepository(dynamo, table),
                new DynamoDbProfileRepository(dynamo, table), new DynamoDbDeliveryLedger(dynamo, table),
                new IdentityNormalizer(settings.phoneRegion())));
    }

    /** An SES delivery report of an invitation that never existed (its id is all zeros; events/README.md): what priming walks through. */
    private static final String SAMPLE_REPORT = "sns/ses-delivery.json";

    /**
     * SnapStart priming (no side effects): the sample report read and its invitation looked up by the
     * real processor (none found, so nothing is counted), then a counting transaction refused by its
     * condition (see {@link Priming}).
     */
    public static void prime(Environment env, DeliveryReportProcessor processor) {
        Map<String, Integer> outcome = processor.process(SampleEvents.read(SAMPLE_REPORT, SNSEvent.class), line -> { });
        if (outcome.getOrDefault("ignored", 0) != 1) {
            throw new IllegalStateException("the sample report was not read as one: " + outcome);
        }
        DynamoDbPrimes.touchTransaction(DynamoDbClients.create(env), DeliveryEventsSettings.from(env).table());
    }
}
