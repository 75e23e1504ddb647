package dev.touchpoint.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.contract.config.Setting;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A DynamoDB or SQS attempt that gets no answer (a connection that died while the container was
 * frozen) is given up after the attempt timeout and made again, so the call still succeeds within a
 * function's own timeout. The stub answers the first request only after 3 s, the second at once. A
 * service that answers no attempt at all ends the call at its call timeout, before the SDK's third
 * attempt, so that a function making two calls still answers before its own Lambda timeout.
 */
class AttemptTimeoutTest {

    private static Environment withShortAttempts(WireStub stub, String service) {
        return stub.environmentFor(service, Map.of(Setting.AWS_ATTEMPT_TIMEOUT_MS.variable(), "300"));
    }

    /** The SDK numbers its attempts in the {@code amz-sdk-request} header: the first gets its answer after 3 s, the others at once. */
    private static void stallFirstThenAnswer(WireStub stub, Supplier<ResponseDefinitionBuilder> answer) {
        stub.server().stubFor(post(anyUrl()).atPriority(1).withHeader("amz-sdk-request", containing("attempt=1;"))
                .willReturn(answer.get().withFixedDelay(3_000)));
        stub.server().stubFor(post(anyUrl()).atPriority(2).willReturn(answer.get()));
    }

    @Test
    void aDynamoDbAttemptWithoutAnswer_isMadeAgain_andTheCallSucceeds() {
        try (WireStub stub = new WireStub()) {
            stallFirstThenAnswer(stub, () -> aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}"));
            try (DynamoDbClient dynamo = DynamoDbClients.create(withShortAttempts(stub, "DYNAMODB"))) {

                var answer = dynamo.getItem(g -> g.tableName("touchpoint").key(Map.of("PK", AttributeValue.fromS("X"),
                        "SK", AttributeValue.fromS("Y"))));

                assertFalse(answer.hasItem());
            }
            assertEquals(2, stub.server().findAll(postRequestedFor(anyUrl())).size(), "the stalled attempt and the one that answered");
        }
    }

    /** Every attempt answered after 5 s: the attempts time out after 1 s, the call after 1.6 s. */
    private static Environment stallingEveryAttempt(WireStub stub, String service) {
        stub.server().stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{}")));
        return stub.environmentFor(service, Map.of(Setting.AWS_ATTEMPT_TIMEOUT_MS.variable(), "1000", Setting.AWS_CALL_TIMEOUT_MS.variable(), "1600"));
    }

    /** Without a call timeout the SDK makes its three attempts: about 3 s here, and 9 s with the defaults. */
    private static void assertCutBeforeTheThirdAttempt(WireStub stub) {
        assertEquals(2, stub.server().findAll(postRequestedFor(anyUrl())).size(), "the first attempt and the one the call timeout cut short");
    }

    @Test
    void anSqsServiceThatAnswersNoAttempt_endsTheCallAtItsCallTimeout_beforeTheThirdAttempt() {
        try (WireStub stub = new WireStub(); SqsClient sqs = SqsClients.create(stallingEveryAttempt(stub, "SQS"))) {

            assertThrows(ApiCallTimeoutException.class, () ->
                    sqs.sendMessage(m -> m.queueUrl(stub.server().baseUrl() + "/000000000000/feedback").messageBody("{}")));

            assertCutBeforeTheThirdAttempt(stub);
        }
    }

    @Test
    void aDynamoDbServiceThatAnswersNoAttempt_endsTheCallAtItsCallTimeout_beforeTheThirdAttempt() {
        try (WireStub stub = new WireStub(); DynamoDbClient dynamo = DynamoDbClients.create(stallingEveryAttempt(stub, "DYNAMODB"))) {

            assertThrows(ApiCallTimeoutException.class, () ->
                    dynamo.getItem(g -> g.tableName("touchpoint").key(Map.of("PK", AttributeValue.fromS("X"), "SK", AttributeValue.fromS("Y")))));

            assertCutBeforeTheThirdAttempt(stub);
        }
    }

    @Test
    void anSqsAttemptWithoutAnswer_isMadeAgain_andTheMessageIsSent() throws Exception {
        String body = "{\"kind\":\"feedback\"}";
        String md5 = String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8))));
        try (WireStub stub = new WireStub()) {
            stallFirstThenAnswer(stub, () -> aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                    .withBody("{\"MD5OfMessageBody\":\"" + md5 + "\",\"MessageId\":\"5fea7756-0ea4-451a-a703-a558b933e274\"}"));
            try (SqsClient sqs = SqsClients.create(withShortAttempts(stub, "SQS"))) {

                String id = sqs.sendMessage(m -> m.queueUrl(stub.server().baseUrl() + "/000000000000/feedback").messageBody(body)).messageId();

                assertEquals("5fea7756-0ea4-451a-a703-a558b933e274", id);
            }
            assertEquals(2, stub.server().findAll(postRequestedFor(anyUrl())).size(), "the stalled attempt and the one that answered");
        }
    }
}
