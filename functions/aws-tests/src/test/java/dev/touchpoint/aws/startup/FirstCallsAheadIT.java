package dev.touchpoint.aws.startup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.WireStub;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.s3.S3Clients;
import dev.touchpoint.aws.sns.SnsClients;
import dev.touchpoint.aws.sns.SnsDetractorAlerts;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.response.DetractorAlerts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
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
        String table = EmbeddedEngines.newTable(DynamoDbClients.create(engines));
        SqsClient admin = SqsClients.create(engines);
        String queue = EmbeddedEngines.newQueue(admin);
        List<String> queuesBefore = admin.listQueues().queueUrls();
        int startedBefore = AheadOfFirstEvent.startedSoFar().size();
        Map<String, String> lambda = Map.of("AWS_LAMBDA_FUNCTION_NAME", "ingest-api", Setting.TABLE.variable(), table,
                Setting.QUEUE_URL.variable(), queue);
        Environment env = name -> lambda.getOrDefault(name, engines.get(name));

        DynamoDbClient dynamo = DynamoDbClients.create(env);
        SqsClient sqs = SqsClients.create(env);
        DynamoDbClients.firstCall(env, dynamo, table);
        SqsClients.firstCall(env, sqs, queue);
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

    /**
     * SNS does not run here: a stub that answers as SNS does, NotFound for any topic but the alerts
     * topic. In Lambda, closed-loop's client publishes ahead only to a topic beside its own, which is
     * refused; its own alert is then published once.
     */
    @Test
    void inLambdaTheAlertsTopicsClientPublishesAheadOnlyToATopicThatDoesNotExist() {
        String topic = "arn:aws:sns:eu-central-1:123456789012:touchpoint-alerts";
        try (WireStub sns = new WireStub()) {
            sns.server().stubFor(post(urlEqualTo("/")).atPriority(1).withRequestBody(containing("TopicArn=" + URLEncoder.encode(topic,
                    StandardCharsets.UTF_8) + "&")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
                    <PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                      <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
                      <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
                    </PublishResponse>""")));
            sns.server().stubFor(post(urlEqualTo("/")).atPriority(2).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "text/xml").withBody("""
                    <ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
                      <Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error>
                      <RequestId>9b1e2ac5-0f3b-5d2c-a5b4-3c1f2e8d7a60</RequestId>
                    </ErrorResponse>""")));
            Environment stub = sns.environmentFor("SNS");
            Map<String, String> lambda = Map.of("AWS_LAMBDA_FUNCTION_NAME", "closed-loop", Setting.ALERTS_TOPIC_ARN.variable(), topic);
            Environment env = name -> lambda.getOrDefault(name, stub.get(name));

            SnsClient client = SnsClients.create(env);
            SnsClients.firstCall(env, client, topic);
            AheadOfFirstEvent.awaitAll();

            var ahead = sns.server().findAll(postRequestedFor(urlEqualTo("/")));
            assertEquals(1, ahead.size(), "one call made ahead");
            assertTrue(ahead.get(0).getBodyAsString().contains("priming-no-such-topic"), ahead.get(0).getBodyAsString());
            new SnsDetractorAlerts(client, topic).raise(new DetractorAlerts.DetractorAlert("r-1", "p-1", "sms", "store-1",
                    "post-service", "nps", "nps", 3));
            assertEquals(2, sns.server().findAll(postRequestedFor(urlEqualTo("/"))).size(), "the alert itself, after it");
        }
    }

    /** S3 does not run here: a stub answering as S3 does for a key that does not exist. */
    @Test
    void inLambdaTheMailBucketsClientReadsAheadOnlyAMailThatDoesNotExist() {
        try (WireStub s3 = new WireStub()) {
            s3.server().stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/xml")
                    .withBody("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")));
            Environment stub = s3.environmentFor("S3");
            Map<String, String> lambda = Map.of("AWS_LAMBDA_FUNCTION_NAME", "ingest-email", Setting.INBOUND_MAIL_BUCKET.variable(), "inbound-mail");
            Environment env = name -> lambda.getOrDefault(name, stub.get(name));

            S3Clients.firstCall(env, S3Clients.create(env), "inbound-mail");
            AheadOfFirstEvent.awaitAll();

            var ahead = s3.server().findAll(getRequestedFor(anyUrl()));
            assertEquals(1, ahead.size(), "one call made ahead");
            assertTrue(ahead.get(0).getUrl().startsWith("/inbound-mail/priming-no-such-message-"), ahead.get(0).getUrl());
        }
    }

    @Test
    void outsideLambdaNoFirstCallIsMadeAhead() throws Exception {
        Environment engines = EmbeddedEngines.environment();
        String table = EmbeddedEngines.newTable(DynamoDbClients.create(engines));
        int before = AheadOfFirstEvent.startedSoFar().size();
        Environment env = name -> Setting.TABLE.variable().equals(name) ? table : engines.get(name);

        DynamoDbClients.firstCall(env, DynamoDbClients.create(env), table);
        SqsClients.firstCall(env, SqsClients.create(env), "http://127.0.0.1:9/queue/feedback");
        SnsClients.firstCall(env, SnsClients.create(env), "arn:aws:sns:eu-central-1:123456789012:alerts");
        S3Clients.firstCall(env, S3Clients.create(env), "inbound-mail");

        assertEquals(before, AheadOfFirstEvent.startedSoFar().size());
    }

    /** The client factory only builds: what a client calls ahead is the wiring's choice, made explicitly. */
    @Test
    void inLambdaBuildingAClientAloneMakesNoCall() throws Exception {
        Environment engines = EmbeddedEngines.environment();
        String table = EmbeddedEngines.newTable(DynamoDbClients.create(engines));
        int before = AheadOfFirstEvent.startedSoFar().size();
        Map<String, String> lambda = Map.of("AWS_LAMBDA_FUNCTION_NAME", "ingest-api", Setting.TABLE.variable(), table,
                Setting.QUEUE_URL.variable(), "http://127.0.0.1:9/queue/feedback", Setting.ALERTS_TOPIC_ARN.variable(),
                "arn:aws:sns:eu-central-1:123456789012:alerts", Setting.INBOUND_MAIL_BUCKET.variable(), "inbound-mail");
        Environment env = name -> lambda.getOrDefault(name, engines.get(name));

        DynamoDbClients.create(env);
        SqsClients.create(env);
        SnsClients.create(env);
        S3Clients.create(env);

        assertEquals(before, AheadOfFirstEvent.startedSoFar().size());
    }
}
