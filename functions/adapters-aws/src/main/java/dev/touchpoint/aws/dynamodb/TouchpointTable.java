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
    /** Items that expire (none yet in the foundation) carry epoch seconds here. */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    static final String IDENTITY = "IDENTITY#";
    static final String PROFILE = "PROFILE#";
    static final String RESPONSE = "RESPONSE#";
    static final String AGGREGATE = "AGGREGATE#";

    private TouchpointTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(stringAttribute(PK), stringAttribute(SK),
                        stringAttribute(GSI1PK), stringAttribute(GSI1SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(GSI1)
                        .keySchema(key(GSI1PK, KeyType.HASH), key(GSI1SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
