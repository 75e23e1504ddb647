package dev.touchpoint.infra;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The one DynamoDB table (docs/data-model.md): on demand, point-in-time recovery, encrypted, with the
 * TTL attribute, the profile-timeline index and the due queue of invitations. The key names match {@code TouchpointTable} in the
 * AWS adapters.
 */
public final class FeedbackStore extends Construct {

    static final String TIMELINE_INDEX = "GSI1";
    static final String DUE_QUEUE_INDEX = "GSI2";

    private final Table table;

    public FeedbackStore(Construct scope, String id, boolean deletionProtection) {
        super(scope, id);
        this.table = Table.Builder.create(this, "Table")
                .partitionKey(Attribute.builder().name("PK").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("SK").type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                .timeToLiveAttribute("expiresAt")
                .deletionProtection(deletionProtection)
                .removalPolicy(deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(TIMELINE_INDEX)
                .partitionKey(Attribute.builder().name("GSI1PK").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("GSI1SK").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(DUE_QUEUE_INDEX)
                .partitionKey(Attribute.builder().name("GSI2PK").type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name("GSI2SK").type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());
    }

    public Table table() {
        return table;
    }

    /** Named actions on the table only (no index): item reads and writes as listed. */
    public PolicyStatement allowOnTable(String... actions) {
        return PolicyStatement.Builder.create()
                .actions(List.of(actions))
                .resources(List.of(table.getTableArn()))
                .build();
    }

    /** Query on GSI2: the due queue of pending invitations, and the day index of responses (exports). */
    public PolicyStatement allowDueQueueQuery() {
        return PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query"))
                .resources(List.of(table.getTableArn() + "/index/" + DUE_QUEUE_INDEX))
                .build();
    }

    /** Query on the profile-timeline index. */
    public PolicyStatement allowTimelineQuery() {
        return PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query"))
                .resources(List.of(table.getTableArn() + "/index/" + TIMELINE_INDEX))
                .build();
    }
}
