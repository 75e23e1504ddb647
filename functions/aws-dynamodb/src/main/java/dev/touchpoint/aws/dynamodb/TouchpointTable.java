package dev.touchpoint.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The key layout of the one table (docs/data-model.md explains every item and access pattern).
 * The CDK app declares the same keys; the local runtime and tests create the table from here.
 */
public final class TouchpointTable {

    public static final String PK = "PK";
    public static final String SK = "SK";
    /** GSI1: a profile's timeline — GSI1PK = PROFILE#id, GSI1SK = RESPONSE#answeredAt#responseId. */
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /** GSI2: the due queue of pending invitations (sparse) — GSI2PK = DUE, GSI2SK = dueAt#invitationId. */
    public static final String GSI2 = "GSI2";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";
    /**
     * DynamoDB's TTL attribute: epoch seconds (a Number) after which an item may go — a provider message
     * id's link to its invitation, a delivery report's ledger entry, a settled day's kept report cells.
     * An invitation's {@code expiresAt} is an ISO time (a String: until when it is answerable), which
     * TTL ignores by design: invitations stay for the customer's timeline.
     */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    static final String IDENTITY = "IDENTITY#";
    static final String PROFILE = "PROFILE#";
    static final String RESPONSE = "RESPONSE#";
    static final String AGGREGATE = "AGGREGATE#";
    static final String INVITATION = "INVITATION#";
    static final String DUE = "DUE";

    private TouchpointTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(PK), stringAttribute(SK),
                        stringAttribute(GSI1PK), stringAttribute(GSI1SK), stringAttribute(GSI2PK), stringAttribute(GSI2SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(index(GSI1, GSI1PK, GSI1SK), index(GSI2, GSI2PK, GSI2SK))
                .build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
