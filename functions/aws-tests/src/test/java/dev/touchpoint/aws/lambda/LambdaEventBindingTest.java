package dev.touchpoint.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A function reached through {@link JsonEvents} must see exactly the event Lambda's own
 * serialisation library would have given its typed handler, and Lambda must read back the same answer:
 * every sample event and a fully populated one are bound both ways and compared.
 */
class LambdaEventBindingTest {

    /** An HTTP API payload 2.0 event with every part AWS documents set. */
    private static final String FULL_HTTP_EVENT = """
            {"version":"2.0","routeKey":"POST /v1/feedback","rawPath":"/v1/feedback","rawQueryString":"a=1&b=2",
             "cookies":["c1=v1","c2=v2"],"headers":{"content-type":"application/json","x-api-key":"k"},
             "queryStringParameters":{"a":"1","b":"2"},"pathParameters":{"id":"42"},"stageVariables":{"s":"v"},
             "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"id.execute-api.eu-central-1.amazonaws.com",
               "domainPrefix":"id","http":{"method":"POST","path":"/v1/feedback","protocol":"HTTP/1.1","sourceIp":"203.0.113.10",
               "userAgent":"curl"},"requestId":"r-1","routeKey":"POST /v1/feedback","stage":"$default","time":"23/Nov/2026:10:00:00 +0000",
               "timeEpoch":1795429200000,"authorizer":{"jwt":{"claims":{"sub":"u-1"},"scopes":["read"]}},
               "authentication":{"clientCert":{"clientCertPem":"pem","subjectDN":"cn=x","issuerDN":"cn=y","serialNumber":"1",
                 "validity":{"notBefore":"a","notAfter":"b"}}}},
             "body":"eyJhIjoxfQ==","isBase64Encoded":true,"somethingNew":{"ignored":true}}""";

    @ParameterizedTest
    @ValueSource(strings = {"events/api-gateway/post-feedback.json", "events/api-gateway/get-profile-by-email.json"})
    void httpApiSampleEvents_bindAsLambdaBindsThem(String resource) throws IOException {
        byte[] json = resource(resource);
        assertEquals(lambdaReads(json, APIGatewayV2HTTPEvent.class), oursRead(json, APIGatewayV2HTTPEvent.class));
    }

    @Test
    void aFullyPopulatedHttpApiEvent_bindsAsLambdaBindsIt() throws IOException {
        byte[] json = FULL_HTTP_EVENT.getBytes(StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent ours = oursRead(json, APIGatewayV2HTTPEvent.class);

        assertEquals(lambdaReads(json, APIGatewayV2HTTPEvent.class), ours);
        assertEquals(true, ours.getIsBase64Encoded());
        assertEquals("203.0.113.10", ours.getRequestContext().getHttp().getSourceIp());
        assertEquals(List.of("read"), ours.getRequestContext().getAuthorizer().getJwt().getScopes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"events/sqs/feedback-batch.json", "events/sqs/poison-message.json"})
    void sqsSampleEvents_bindAsLambdaBindsThem(String resource) throws IOException {
        byte[] json = resource(resource);
        SQSEvent ours = oursRead(json, SQSEvent.class);

        assertEquals(lambdaReads(json, SQSEvent.class), ours);
        assertNotNull(ours.getRecords().get(0).getEventSourceArn(), "eventSourceARN, named in another case");
        assertEquals("1", ours.getRecords().get(0).getAttributes().get("ApproximateReceiveCount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"events/sns/ses-bounce.json", "events/sns/ses-delivery.json", "events/sns/sms-delivered.json",
            "events/sns/two-way-sms.json"})
    void snsSampleEvents_bindAsLambdaBindsThem_butForTheJodaTimestampNoHandlerReads(String resource) throws IOException {
        byte[] json = resource(resource);
        SNSEvent lambda = lambdaReads(json, SNSEvent.class);
        SNSEvent ours = oursRead(json, SNSEvent.class);

        assertNotNull(lambda.getRecords().get(0).getSNS().getTimestamp(), "the sample has a timestamp");
        assertEquals(null, ours.getRecords().get(0).getSNS().getTimestamp());
        lambda.getRecords().forEach(record -> record.getSNS().setTimestamp(null));
        assertEquals(lambda, ours);
        assertNotNull(ours.getRecords().get(0).getSNS().getMessage());
    }

    /** An SQS record with every part, message attributes of each kind included. */
    private static final String FULL_SQS_EVENT = """
            {"Records":[{"messageId":"m-1","receiptHandle":"rh","body":"{}","md5OfBody":"md5","md5OfMessageAttributes":"md5a",
              "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-central-1:123456789012:q","awsRegion":"eu-central-1",
              "attributes":{"ApproximateReceiveCount":"2","SentTimestamp":"1795429200000"},
              "messageAttributes":{"kind":{"stringValue":"feedback","stringListValues":[],"binaryListValues":[],"dataType":"String"},
                "blob":{"binaryValue":"AQID","stringListValues":["a"],"binaryListValues":["BAU="],"dataType":"Binary"}}}]}""";

    /** An SNS record with message attributes and a subject. */
    private static final String FULL_SNS_EVENT = """
            {"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn:aws:sns:eu-central-1:1:t:s",
              "Sns":{"Type":"Notification","MessageId":"n-1","TopicArn":"arn:aws:sns:eu-central-1:1:t","Subject":"s","Message":"{}",
                "SignatureVersion":"1","Signature":"sig","SigningCertUrl":"https://cert","UnsubscribeUrl":"https://unsub",
                "MessageAttributes":{"a":{"Type":"String","Value":"v"},"n":{"Type":"Number","Value":"1"}}}}]}""";

    @Test
    void fullyPopulatedSqsAndSnsEvents_bindAsLambdaBindsThem() throws IOException {
        byte[] sqs = FULL_SQS_EVENT.getBytes(StandardCharsets.UTF_8);
        SQSEvent ours = oursRead(sqs, SQSEvent.class);
        assertEquals(lambdaReads(sqs, SQSEvent.class), ours);
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), ours.getRecords().get(0).getMessageAttributes().get("blob").getBinaryValue());

        byte[] sns = FULL_SNS_EVENT.getBytes(StandardCharsets.UTF_8);
        assertEquals(lambdaReads(sns, SNSEvent.class), oursRead(sns, SNSEvent.class));
        assertEquals("v", oursRead(sns, SNSEvent.class).getRecords().get(0).getSNS().getMessageAttributes().get("a").getValue());
    }

    @Test
    void anHttpEventWithALambdaOrIamAuthorizer_bindsAsLambdaBindsIt() throws IOException {
        byte[] json = """
                {"version":"2.0","routeKey":"GET /v1/x","rawPath":"/v1/x","requestContext":{"authorizer":{
                  "lambda":{"tenant":"t-1","admin":true,"limit":5,"roles":["a","b"],"nested":{"k":"v"}},
                  "iam":{"accessKey":"AK","accountId":"1","callerId":"c","principalOrgId":"o","userArn":"arn","userId":"u",
                    "cognitoIdentity":{"amr":["authenticated"],"identityId":"i","identityPoolId":"p"}}}}}"""
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(lambdaReads(json, APIGatewayV2HTTPEvent.class), oursRead(json, APIGatewayV2HTTPEvent.class));
    }

    @Test
    void aSchedulersPlainEvent_bindsAsLambdaBindsAMap() throws IOException {
        byte[] json = """
                {"source":"aws.scheduler","detail":{"attempt":1,"ids":["a","b"]},"ok":true,"at":null}""".getBytes(StandardCharsets.UTF_8);
        assertEquals(JacksonFactory.getInstance()
                .getSerializer(Map.class).fromJson(new ByteArrayInputStream(json)), oursRead(json, Map.class));
    }

    @Test
    void answersThatAreNotBeans_areWrittenAsJacksonWritesThem() throws IOException {
        assertEquals(new ObjectMapper().readTree("{\"delivered\":3}"), oursWrite(Map.of("delivered", 3)));
        assertEquals(new ObjectMapper().readTree("2"), oursWrite(2));
        assertEquals(lambdaWrites(SQSBatchResponse.builder().build()), oursWrite(SQSBatchResponse.builder().build()));
    }

    @Test
    void answers_readAsLambdaWritesThem() throws IOException {
        APIGatewayV2HTTPResponse http = APIGatewayV2HTTPResponse.builder().withStatusCode(202)
                .withHeaders(Map.of("content-type", "application/problem+json")).withBody("{\"id\":\"r-1\"}")
                .withIsBase64Encoded(false).build();
        SQSBatchResponse batch = SQSBatchResponse.builder().withBatchItemFailures(List.of(
                SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m-2").build())).build();

        assertEquals(lambdaWrites(http), oursWrite(http));
        assertEquals(lambdaWrites(batch), oursWrite(batch));
    }

    @Test
    void theStreamHandler_givesTheTypedHandlerTheEvent_andWritesItsAnswer() throws IOException {
        AtomicReference<SQSEvent> seen = new AtomicReference<>();
        JsonEvents<SQSEvent, SQSBatchResponse> handler = JsonEvents.bind("test", SQSEvent.class,
                () -> (SQSEvent event, Context context) -> {
                    seen.set(event);
                    return SQSBatchResponse.builder().withBatchItemFailures(List.of(SQSBatchResponse.BatchItemFailure.builder()
                            .withItemIdentifier(event.getRecords().get(1).getMessageId()).build())).build();
                });
        ByteArrayOutputStream answer = new ByteArrayOutputStream();

        handler.handle(new ByteArrayInputStream(resource("events/sqs/feedback-batch.json")), answer, null);

        assertEquals(2, seen.get().getRecords().size());
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"9b2f4c61-1e3a-4f0b-8c27-5d6e7f8a9b0c\"}]}",
                answer.toString(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LambdaEventBindingTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    private static <T> T lambdaReads(byte[] json, Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, LambdaEventBindingTest.class.getClassLoader())
                .fromJson(new ByteArrayInputStream(json));
    }

    private static <T> T oursRead(byte[] json, Class<T> type) throws IOException {
        return EventBinding.read(JsonEvents.readTree(JsonEvents.parser(json)), type);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object lambdaWrites(T answer) throws IOException {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor((Class<T>) answer.getClass(),
                LambdaEventBindingTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(answer, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    private static Object oursWrite(Object answer) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        JsonEvents.writeTree(EventBinding.write(answer), written);
        return new ObjectMapper().readTree(written.toByteArray());
    }
}
