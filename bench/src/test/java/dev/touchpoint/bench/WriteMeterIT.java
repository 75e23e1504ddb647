package dev.touchpoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The bench's write units are what AWS would bill: a plain put as DynamoDB Local reports it, and a
 * transaction at two units an item, where DynamoDB Local rounds its items up to a KB together.
 */
class WriteMeterIT {

    @Test
    void aPutCostsOneUnit_aTransactionOfTwoSmallItemsFour_asAwsBillsThem() throws Exception {
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start(null); WriteMeter meter = new WriteMeter(dynamo.endpoint())) {
            DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(meter.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"))).build();
            client.createTable(t -> t.tableName("meter").billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build()));

            client.putItem(p -> p.tableName("meter").item(Map.of("PK", AttributeValue.fromS("response"))));
            assertEquals(List.of(1.0, 1.0), List.of(meter.writeUnits(), meter.writeUnitsAsReported()));

            client.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName("meter").item(Map.of("PK", AttributeValue.fromS("profile")))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName("meter").item(Map.of("PK", AttributeValue.fromS("identity")))).build()));
            assertEquals(List.of(5.0, 3.0), List.of(meter.writeUnits(), meter.writeUnitsAsReported()),
                    "AWS bills the transaction 4 units; DynamoDB Local reports 2");
        }
    }
}
