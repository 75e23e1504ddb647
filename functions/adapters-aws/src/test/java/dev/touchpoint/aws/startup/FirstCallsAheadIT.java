package dev.touchpoint.aws.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.aws.Environment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The clients' first calls made ahead during a Lambda init, on the real engines: they run, they change
 * nothing (no item, no message, no queue), and the clients serve the function's own calls after them.
 */
class FirstCallsAheadIT {

    @Test
    void inLambdaEachClientsFirstCallIsMadeAheadAndChangesNothing() throws Exception {
        Environment engines = EmbeddedEngines.environment();
        String table = EmbeddedEngines.newTable(AwsClients.dynamoDb(engines));
        SqsClient admin = AwsClients.sqs(engines);
        String queue = EmbeddedEngines.newQueue(admin);
        List<String> queuesBefore = admin.listQueues().queueUrls();
        int startedBefore = AheadOfFirstEvent.startedSoFar().size();
        Map<String, String> lambda = Map.of("AWS_LAMBDA_FUNCTION_NAME", "ingest-api", "TOUCHPOINT_TABLE", table,
                "TOUCHPOINT_QUEUE_URL", queue);
        Environment env = name -> lambda.getOrDefault(name, engines.get(name));

        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        SqsClient sqs = AwsClients.sqs(env);
        AheadOfFirstEvent.awaitAll();

        List<String> started = AheadOfFirstEvent.startedSoFar();
        assertTrue(started.subList(startedBefore, started.size()).containsAll(List.of("DynamoDB first call", "SQS first call")),
                "started: " + started);
        assertEquals(0, dynamo.scan(s -> s.tableName(table)).count(), "a warm-up's update is refused by its condition");
        assertEquals("0", sqs.getQueueAttributes(a -> a.queueUrl(queue).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        assertEquals(queuesBefore, admin.listQueues().queueUrls(), "a warm-up's send to a queue that does not exist creates none");

        dynamo.putItem(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS("a"), "SK", AttributeValue.fromS("b"))));
        sqs.sendMessage(m -> m.queueUrl(queue).messageBody("after the warm-ups"));
        assertEquals(1, dynamo.scan(s -> s.tableName(table)).count());
        assertEquals("after the warm-ups", sqs.receiveMessage(r -> r.queueUrl(queue).waitTimeSeconds(1)).messages().get(0).body());
    }

    @Test
    void outsideLambdaNoFirstCallIsMadeAhead() throws Exception {
        Environment engines = EmbeddedEngines.environment();
        String table = EmbeddedEngines.newTable(AwsClients.dynamoDb(engines));
        int before = AheadOfFirstEvent.startedSoFar().size();
        Environment env = name -> "TOUCHPOINT_TABLE".equals(name) ? table : engines.get(name);

        AwsClients.dynamoDb(env);
        AwsClients.sqs(env);

        assertEquals(before, AheadOfFirstEvent.startedSoFar().size());
    }
}
