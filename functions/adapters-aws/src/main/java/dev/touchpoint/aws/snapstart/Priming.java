package dev.touchpoint.aws.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.logging.EventLog;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.contract.config.Setting;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * SnapStart priming. Lambda snapshots a function after its init and restores that snapshot on a cold
 * start; whatever the first event would load or compile for the first time, it still does after the
 * restore. A prime registered here runs once before the snapshot (a CRaC {@code beforeCheckpoint}
 * hook) and walks the hot path without side effects — the domain on a sample input, and each client
 * through one harmless request — so the snapshot already holds those classes. On a JVM without CRaC
 * (plain Lambda, local runs, tests) nothing calls the hooks. A prime that fails is logged and ignored:
 * priming may make a start faster, never make a deployment fail.
 */
public final class Priming {

    /** A key no item has: reads find nothing, a conditional write on it is refused. */
    private static final Map<String, AttributeValue> PRIMING_KEY =
            Map.of("PK", AttributeValue.fromS("PRIMING"), "SK", AttributeValue.fromS("PRIMING"));

    /** CRaC holds resources weakly; these must live as long as the container. */
    /** One JSON line per prime: a deploy's function log shows what was primed in how long, or why it failed. */
    private static final EventLog LOG = JsonLines.of("priming", (String) null);
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();
    private static final List<Supplier<Outcome>> PRIMES = new CopyOnWriteArrayList<>();

    /** How one prime went: {@code failure} is the exception's simple name, null when it succeeded. */
    public record Outcome(String what, long millis, String failure) {
    }

    private Priming() {
    }

    public static void beforeSnapshot(String what, Runnable prime) {
        Supplier<Outcome> logged = () -> runQuietly(what, prime);
        PRIMES.add(logged);
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                logged.get();
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // Nothing to reopen: the SDK's HTTP client replaces a connection the snapshot left stale.
            }
        };
        REGISTERED.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /** Runs every registered prime now, as the snapshot would (the bench measures what that saves). */
    public static List<Outcome> runAll() {
        return PRIMES.stream().map(Supplier::get).toList();
    }

    /** A consistent read of a key that never exists: the DynamoDB request path, loaded; nothing written. */
    public static void touch(DynamoDbClient dynamo, String table) {
        dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(PRIMING_KEY));
    }

    /** The same key read in a batch, as the processor reads a batch's customers: BatchGetItem's path, loaded. */
    public static void touchBatchRead(DynamoDbClient dynamo, String table) {
        dynamo.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().consistentRead(true)
                .keys(PRIMING_KEY).build())));
    }

    /**
     * A put refused by its condition (the key never exists): the write path and DynamoDB's error
     * answer, loaded; nothing written.
     */
    public static void touchWrite(DynamoDbClient dynamo, String table) {
        try {
            dynamo.putItem(p -> p.tableName(table).conditionExpression("attribute_exists(PK)")
                    .item(PRIMING_KEY));
        } catch (ConditionalCheckFailedException expected) {
            // the point of the call
        }
    }

    /**
     * A message to a queue that does not exist (a name beside the function's own queue, which its role
     * may not send to either): the SQS send path and its error answer, loaded; nothing sent, and no
     * permission needed beyond what the function has.
     */
    public static void touch(SqsClient sqs, String queueUrl) {
        try {
            sqs.sendMessage(m -> m.queueUrl(queueUrl + "-priming-no-such-queue").messageBody("priming"));
        } catch (SqsException expected) {
            // refused (no such queue, or not allowed): the point of the call
        }
    }

    /** A batch to a queue that does not exist, as the processor queues a batch's alerts: SendMessageBatch's path, loaded. */
    public static void touchBatch(SqsClient sqs, String queueUrl) {
        try {
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl + "-priming-no-such-queue")
                    .entries(SendMessageBatchRequestEntry.builder().id("priming").messageBody("priming").build()));
        } catch (SqsException expected) {
            // refused (no such queue, or not allowed): the point of the call
        }
    }

    /** A request as the HTTP API would hand it over, from a documentation address: what an HTTP function's primes serve. */
    public static HttpRequest httpRequest(String method, String path, Map<String, String> headers, String body) {
        return httpRequest(method, path, Map.of(), headers, body);
    }

    /** The same with a query string ({@code ?from=…&to=…}, {@code ?survey=…}). */
    public static HttpRequest httpRequest(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        String rawQuery = String.join("&", query.entrySet().stream().map(parameter -> parameter.getKey() + "="
                + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)).toList());
        return new HttpRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(method + " " + path).withRawPath(path).withRawQueryString(rawQuery)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(APIGatewayV2HTTPEvent.RequestContext.Http
                        .builder().withMethod(method).withPath(path).withSourceIp("192.0.2.1").build()).build())
                .build());
    }

    /** One SNS notification carrying this message, as a topic hands it to a subscribed function: what an SNS function's primes read. */
    public static SNSEvent snsNotification(String message) {
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withEventSource("aws:sns")
                .withSns(new SNSEvent.SNS().withType("Notification").withMessageId("priming").withMessage(message))));
    }

    /**
     * An update refused by its condition (the key never exists), as webhook counters update: UpdateItem's
     * path and DynamoDB's error answer, loaded; nothing written.
     */
    public static void touchUpdate(DynamoDbClient dynamo, String table) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(PRIMING_KEY).conditionExpression("attribute_exists(PK)")
                    .updateExpression("ADD events :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        } catch (ConditionalCheckFailedException expected) {
            // the point of the call
        }
    }

    /**
     * A transaction of one put refused by its condition (the key never exists), as a delivery report is
     * counted once: TransactWriteItems' path and its cancellation answer, loaded; nothing written. A put,
     * not a condition check: the function's role allows {@code PutItem}, not {@code ConditionCheckItem}.
     */
    public static void touchTransaction(DynamoDbClient dynamo, String table) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(PRIMING_KEY).conditionExpression("attribute_exists(PK)")).build()));
        } catch (TransactionCanceledException expected) {
            // the point of the call
        }
    }

    /**
     * What a webhook function's clients do with a message: a send to the feedback queue's missing
     * neighbour ({@link #touch(SqsClient, String)}) and the webhook counter's update, refused
     * ({@link #touchUpdate}). From the function's environment: {@code TOUCHPOINT_QUEUE_URL}, {@code TOUCHPOINT_TABLE}.
     */
    public static void touchWebhookClients(Environment env) {
        touch(AwsClients.sqs(env), env.required(Setting.QUEUE_URL));
        touchUpdate(AwsClients.dynamoDb(env), env.required(Setting.TABLE));
    }

    /**
     * True once a prime has run: the snapshot is being prepared, so nothing may start work that could
     * still be in flight when it is taken (the primes make the calls they need themselves).
     */
    public static boolean underway() {
        return underway;
    }

    private static volatile boolean underway;

    private static Outcome runQuietly(String what, Runnable prime) {
        underway = true;
        long start = System.nanoTime();
        try {
            prime.run();
            Outcome done = new Outcome(what, (System.nanoTime() - start) / 1_000_000, null);
            LOG.info("priming.done", null, what + " in " + done.millis() + " ms");
            return done;
        } catch (RuntimeException e) {
            LOG.warn("priming.failed", null, what + " failed (" + e.getClass().getSimpleName() + "); the snapshot is taken all the same");
            return new Outcome(what, (System.nanoTime() - start) / 1_000_000, e.getClass().getSimpleName());
        }
    }
}
