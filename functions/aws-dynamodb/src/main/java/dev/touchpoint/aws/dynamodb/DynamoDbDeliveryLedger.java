package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.delivery.DeliveryEvent;
import dev.touchpoint.domain.delivery.DeliveryLedger;
import dev.touchpoint.domain.metrics.AggregateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Provider message ids → invitations, and counting each report once: a marker item per message and
 * kind is put (if absent) in the same transaction as the counter, so SNS redelivering a notification
 * counts nothing twice.
 */
public final class DynamoDbDeliveryLedger implements DeliveryLedger {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DayRollups rollups;

    public DynamoDbDeliveryLedger(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    DynamoDbDeliveryLedger(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.rollups = new DayRollups(dynamo, table, clock);
    }

    @Override
    public Optional<String> invitationOfMessage(String providerMessageId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(Map.of(
                PK, s(DynamoDbInvitationRepository.MESSAGE + providerMessageId), SK, s("MESSAGE")))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Attr.string(item, "invitationId"));
    }

    @Override
    public boolean countOnce(String providerMessageId, DeliveryEvent.Kind kind, AggregateKey cell, String counter) {
        long expires = Instant.now().plusSeconds(DynamoDbInvitationRepository.MESSAGE_RETENTION_SECONDS).getEpochSecond();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(Map.of(
                        PK, s(DynamoDbInvitationRepository.MESSAGE + providerMessageId), SK, s("REPORT#" + kind),
                        "entity", s("delivery-report"), TouchpointTable.TTL_ATTRIBUTE, n(expires)))
                        .conditionExpression("attribute_not_exists(PK)")).build(),
                TransactWriteItem.builder().update(AggregateCells.add(table, cell, Map.of(counter, 1L))).build()));
        // A report of a day already over (an email opened the day after) marks that day in the same write.
        rollups.funnelMark(cell.day()).ifPresent(mark -> writes.add(TransactWriteItem.builder().update(mark).build()));
        return Transactions.write(dynamo, writes);
    }
}
