package dev.touchpoint.aws;

import dev.touchpoint.aws.dynamodb.TouchpointTable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;

/**
 * The real engines for adapter tests, started once per test JVM: DynamoDB Local in memory and
 * ElasticMQ, on loopback ports. Clients are built by the production {@link AwsClients} from the same
 * variables Lambda would give.
 */
public final class EmbeddedEngines {

    private static Environment environment;

    private EmbeddedEngines() {
    }

    public static synchronized Environment environment() throws Exception {
        if (environment == null) {
            int dynamoPort = freePort();
            ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(dynamoPort), "-disableTelemetry"}).start();
            int sqsPort = freePort();
            SQSRestServerBuilder.withPort(sqsPort).withInterface("127.0.0.1")
                    .withServerAddress(new NodeAddress("http", "127.0.0.1", sqsPort, "")).start().waitUntilStarted();
            environment = Environment.of(Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamoPort,
                    "AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:" + sqsPort));
        }
        return environment;
    }

    /** A new, empty table with the production key layout, so tests never see each other's items. */
    public static String newTable(DynamoDbClient dynamo) {
        String table = "t-" + UUID.randomUUID();
        dynamo.createTable(TouchpointTable.createTableRequest(table));
        return table;
    }

    public static String newQueue(SqsClient sqs) {
        return sqs.createQueue(q -> q.queueName("q-" + UUID.randomUUID())).queueUrl();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
