package dev.touchpoint.local;

import static dev.touchpoint.local.DynamoDbFaultProxy.responsePutMentioning;
import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.InboundMessage;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.local.embedded.EmbeddedSqs;
import dev.touchpoint.local.lambda.LocalFunction;
import dev.touchpoint.local.lambda.SqsEventSource;
import dev.touchpoint.processor.FeedbackBatchProcessor;
import dev.touchpoint.processor.ProcessorHandler;
import dev.touchpoint.processor.ProcessorWiring;
import dev.touchpoint.wire.feedback.SubmissionReader;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Faults injected into the real pipeline — DynamoDB Local behind a proxy that throttles or stalls
 * chosen calls, ElasticMQ delivering messages more than once — and the exact final state checked
 * each time: every response once, every aggregate counted once, nothing half written.
 */
class FaultInjectionIT {

    /** The DynamoDB client's attempts per call (the SDK's standard retry mode), before the message itself fails. */
    private static final int SDK_ATTEMPTS = 3;

    private static EmbeddedDynamoDb dynamoServer;
    private static EmbeddedSqs sqsServer;
    private static DynamoDbFaultProxy proxy;
    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        dynamoServer = EmbeddedDynamoDb.start(null);
        sqsServer = EmbeddedSqs.start();
        proxy = new DynamoDbFaultProxy(dynamoServer.endpoint());
        // Pointed at the proxy and at ElasticMQ explicitly: the runtime starts no engines of its own.
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "faults-key", Setting.VISIBILITY_TIMEOUT_SECONDS.variable(), "2", Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1",
                "AWS_ENDPOINT_URL", sqsServer.endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", sqsServer.endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString(),
                // Longer than the 5 s stall below, so the stalled put is still in flight, not given up and made again.
                Setting.AWS_ATTEMPT_TIMEOUT_MS.variable(), "10000", Setting.AWS_CALL_TIMEOUT_MS.variable(), "20000")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        proxy.close();
        sqsServer.close();
        dynamoServer.close();
    }

    @Test
    void everyMessageDeliveredThreeTimes_hasEachEffectOnce() {
        int before = responsesIn("web");
        FeedbackIntake tripleDelivery = new FeedbackIntake(message -> {
            for (int copy = 0; copy < 3; copy++) {
                runtime.sqs().sendMessage(m -> m.queueUrl(runtime.queues().feedbackUrl()).messageBody(QueueMessageCodec.encode(message)));
            }
        }, ids(), SubmissionWriter::canonical, Clock.systemUTC());
        SubmissionReader reader = new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            tripleDelivery.accept(reader.read(StrictJson.read(feedback("triple-" + i, "triple" + (i % 5) + "@example.com", 9))));
        }
        FeedbackPipelineIT.drain(runtime);

        assertEquals(before + 20, responsesIn("web"), "the report counts each response once");
        for (int person = 0; person < 5; person++) {
            assertEquals(4, profile("triple" + person + "@example.com").get("responses").size(), "four responses each, not twelve");
        }
        assertEquals(20, responseItems("triple-"), "twenty response items in the table");
    }

    @Test
    void oneRecordFailingInABatch_isTheOnlyOneRetried() {
        int before = responsesIn("web");
        // Three throttles outlast the client's three attempts: the message fails once and SQS redelivers it.
        proxy.throttle(responsePutMentioning("\"batch-5\""), SDK_ATTEMPTS);
        List<SendMessageBatchRequestEntry> batch = new ArrayList<>();
        SubmissionReader reader = new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC());
        FeedbackIntake collect = new FeedbackIntake(message -> batch.add(SendMessageBatchRequestEntry.builder()
                .id("m" + batch.size()).messageBody(QueueMessageCodec.encode(message)).build()), ids(), SubmissionWriter::canonical, Clock.systemUTC());
        IntStream.range(0, 10).forEach(i -> collect.accept(reader.read(StrictJson.read(feedback("batch-" + i, "batch" + i + "@example.com", 8)))));
        runtime.sqs().sendMessageBatch(b -> b.queueUrl(runtime.queues().feedbackUrl()).entries(batch));

        eventually("all ten are recorded", () -> responseItems("batch-") == 10);
        for (int i = 0; i < 10; i++) {
            long attempts = proxy.count(responsePutMentioning("\"batch-" + i + "\""));
            assertEquals(i == 5 ? SDK_ATTEMPTS + 1 : 1, attempts, "batch-" + i + " was written " + attempts + " time(s)");
        }
        FeedbackPipelineIT.drain(runtime);
        assertEquals(before + 10, responsesIn("web"));
    }

    @Test
    void aThrottledWriteMidEvent_leavesNothingHalfWritten_andTheRetryCompletesIt() {
        int before = responsesIn("kiosk");
        proxy.throttle(responsePutMentioning("\"throttled-1\""), SDK_ATTEMPTS);
        post(feedback("throttled-1", "throttled@example.com", 3).replace("\"web\"", "\"kiosk\""));

        eventually("the first delivery was throttled", () -> proxy.count(responsePutMentioning("\"throttled-1\"")) >= SDK_ATTEMPTS);
        int reported = responsesIn("kiosk");
        int items = responseItems("throttled-1");
        if (proxy.count(responsePutMentioning("\"throttled-1\"")) == SDK_ATTEMPTS) {
            // Read before the redelivery's put was even sent: the profile may exist, the response and its count do not.
            assertEquals(0, items, "no half-written response");
            assertEquals(before, reported, "no count without its response");
        }
        eventually("the retry records it", () -> responseItems("throttled-1") == 1);
        FeedbackPipelineIT.drain(runtime);
        assertEquals(before + 1, responsesIn("kiosk"));
        assertEquals(1, profile("throttled@example.com").get("responses").size());
    }

    @Test
    void aPoisonMessage_isParkedAfterFiveReceivesWithItsReason_andRedriveReturnsItOnceFixed() {
        int before = responsesIn("paper");
        proxy.throttle(responsePutMentioning("\"poison-1\""), 1000);
        post(feedback("poison-1", "poison@example.com", 6).replace("\"web\"", "\"paper\""));

        Message parked = eventually("the message is in the DLQ", FaultInjectionIT::peekDeadLetter, m -> m != null);
        assertTrue(parked.messageAttributes().get("failureReason").stringValue().contains("ProvisionedThroughputExceededException"),
                parked.messageAttributes().get("failureReason").stringValue());
        assertEquals("5", parked.messageAttributes().get("receiveCount").stringValue());
        assertEquals(5 * SDK_ATTEMPTS, proxy.count(responsePutMentioning("\"poison-1\"")), "five receives of three attempts each");
        assertEquals(0, responseItems("poison-1"));

        proxy.clearFaults();
        eventually("the parked message is visible again", () -> deadLetterDepth() == 1);
        HttpResponse<String> redrive = api.post("/_local/redrive?queue=feedback", null, null, new byte[0]);
        assertEquals(1, StrictJson.read(redrive.body()).get("moved").asInt(), redrive.body());
        eventually("the redriven message is recorded", () -> responseItems("poison-1") == 1);
        assertEquals(0, StrictJson.read(api.post("/_local/redrive?queue=feedback", null, null, new byte[0]).body()).get("moved").asInt());
        FeedbackPipelineIT.drain(runtime);
        assertEquals(before + 1, responsesIn("paper"), "counted once, after the fix");
    }

    @Test
    void anEventStillInFlightWhenItsVisibilityTimeoutEnds_isStillOneEffect() throws Exception {
        int before = responsesIn("qr");
        // A second processor on the same queue, as Lambda runs several: it takes the message when it reappears.
        ProcessorHandler second = new ProcessorHandler(ProcessorWiring.build(Environment.of(runtime.functionEnvironment()),
                runtime.outbox().replySender()));
        String queueArn = runtime.sqs().getQueueAttributes(a -> a.queueUrl(runtime.queues().feedbackUrl())
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        try (SqsEventSource another = new SqsEventSource(runtime.sqs(), runtime.queues().feedbackUrl(), queueArn,
                new LocalFunction<>("processor-2", SQSEvent.class, second))) {
            another.start();
            proxy.delay(responsePutMentioning("\"slow-1\""), 1, 5000);
            post(feedback("slow-1", "slow@example.com", 10).replace("\"web\"", "\"qr\""));

            eventually("the message was taken again while the first attempt stalled",
                    () -> proxy.count(responsePutMentioning("\"slow-1\"")) >= 2);
            eventually("the stalled attempt has reached the database too", () -> proxy.answered(responsePutMentioning("\"slow-1\"")) == 2);
            FeedbackPipelineIT.drain(runtime);
        }
        assertEquals(1, responseItems("slow-1"));
        assertEquals(2, proxy.count(responsePutMentioning("\"slow-1\"")), "the stalled put and the second processor's, no other");
        assertEquals(before + 1, responsesIn("qr"), "counted once although handled twice");
    }

    @Test
    void aCustomersMessageWhoseWriteFailsOnce_isRecordedOnItsRedelivery_once() {
        // The message's thread entry is written, then its response's put is throttled beyond the client's
        // attempts: the message fails, and SQS delivers it again. The redelivery must finish the work.
        String text = "kargo gecikti, redelivered";
        proxy.throttle(responsePutMentioning(text), SDK_ATTEMPTS);
        Customer sender = Customer.verifiedBy("twilio", List.of(new IdentityNormalizer("TR").phone("+905551230077").orElseThrow()), null);
        String body = QueueMessageCodec.encode(new InboundMessageEvent(new InboundMessage("whatsapp", "meta", "wamid.redelivered",
                sender, text, null, null, Instant.now())));
        runtime.sqs().sendMessage(m -> m.queueUrl(runtime.queues().feedbackUrl()).messageBody(body));

        eventually("the message is recorded on its redelivery", () -> responseItemsMentioning(text) == 1);
        FeedbackPipelineIT.drain(runtime);
        assertEquals(SDK_ATTEMPTS + 1, proxy.count(responsePutMentioning(text)), "failed once, then written on the redelivery");
        assertEquals(1, responseItemsMentioning(text));
        assertEquals(0, deadLetterDepth());
    }

    @Test
    void aReplyThatCouldNotBeSent_isSentByTheRedelivery_once_andNotAgainByALaterDuplicate() {
        AtomicInteger refused = new AtomicInteger();
        FeedbackBatchProcessor failingSender = ProcessorWiring.build(Environment.of(runtime.functionEnvironment()), (c, p, to, text) -> {
            refused.incrementAndGet();
            throw new IllegalStateException("provider down");
        });
        FeedbackBatchProcessor working = ProcessorWiring.build(Environment.of(runtime.functionEnvironment()), runtime.outbox().replySender());

        // HELP is answered; STOP is confirmed (its opt-out, made by the failed attempt, is found made on the redelivery).
        for (String keyword : List.of("HELP", "STOP")) {
            String phone = keyword.equals("HELP") ? "+905551230088" : "+905551230099";
            String sid = "SM" + keyword.toLowerCase(Locale.ROOT) + "1";
            assertEquals(1, failingSender.process(inbound(sid, phone, keyword, 1), line -> { }).getBatchItemFailures().size());
            assertEquals(List.of(), working.process(inbound(sid, phone, keyword, 2), line -> { }).getBatchItemFailures());
            assertEquals(1, repliesTo(phone), keyword + ": the redelivery sends the reply the first attempt could not");
            assertEquals(List.of(), working.process(inbound(sid, phone, keyword, 3), line -> { }).getBatchItemFailures());
            assertEquals(1, repliesTo(phone), keyword + ": a reply stored is not sent again");
        }
        assertEquals(2, refused.get());
    }

    @Test
    void aDetractorsSmsAnswerWhoseAlertWasRefused_raisesItOnTheRedelivery() {
        String phone = "+905551230111";
        String invitationId = StrictJson.read(api.post("/v1/interactions", "application/json", "faults-key", """
                {"id":"faults-sms-1","type":"service.completed","occurredAt":"%s","touchpoint":"store-faults",
                 "customer":{"phone":"%s","timeZone":"%s"},"delaySeconds":0,"channels":["sms"]}"""
                .formatted(Instant.now().minusSeconds(5), phone, SurveyJourneyIT.zoneWhereTheHourIs(12))
                .getBytes(StandardCharsets.UTF_8)).body()).get("invitationId").asText();
        eventually("the SMS invitation is sent", () -> repliesTo(phone) == 1);
        Map<String, String> env = new HashMap<>(runtime.functionEnvironment());
        env.put(Setting.CLOSED_LOOP_QUEUE_URL.variable(), runtime.queues().closedLoopUrl() + "-missing");
        FeedbackBatchProcessor alertRefused = ProcessorWiring.build(Environment.of(env), runtime.outbox().replySender());
        FeedbackBatchProcessor working = ProcessorWiring.build(Environment.of(runtime.functionEnvironment()), runtime.outbox().replySender());
        Instant sent = Instant.now();

        // "3" answers the NPS question: the answer is added, then its alert is refused and the message fails.
        assertEquals(1, alertRefused.process(inbound("SMdetractor1", phone, "3", 1, sent), line -> { }).getBatchItemFailures().size());
        assertEquals(List.of(), working.process(inbound("SMdetractor1", phone, "3", 2, sent), line -> { }).getBatchItemFailures());

        String responseId = FeedbackEvent.responseIdFor("invitation:" + invitationId);
        eventually("the redelivery raises the alert", () -> alertsFor(responseId) == 1);
        FeedbackPipelineIT.drain(runtime);
        assertEquals(1, alertsFor(responseId));
    }

    /** A customer's SMS as the processor receives it, on its {@code receiveCount}th receive. */
    private static SQSEvent inbound(String sid, String phone, String text, int receiveCount) {
        return inbound(sid, phone, text, receiveCount, Instant.parse("2026-11-24T09:00:00Z"));
    }

    private static SQSEvent inbound(String sid, String phone, String text, int receiveCount, Instant receivedAt) {
        Customer sender = Customer.verifiedBy("twilio", List.of(new IdentityNormalizer("TR").phone(phone).orElseThrow()), null);
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(sid + "-" + receiveCount);
        record.setBody(QueueMessageCodec.encode(new InboundMessageEvent(new InboundMessage("sms", "twilio", sid, sender, text, null, null,
                receivedAt))));
        record.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }

    private static long repliesTo(String phone) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> phone.equals(m.path("to").asText())).count();
    }

    @Test
    void aDetractorAlertThatCannotBeQueued_failsOnlyItsMessage_isParkedWithTheReasonOnItsLastReceive_andRaisedWhenRedriven() {
        // This processor's closed-loop queue does not exist: every alert it raises is refused by SQS.
        Map<String, String> env = new HashMap<>(runtime.functionEnvironment());
        env.put(Setting.CLOSED_LOOP_QUEUE_URL.variable(), runtime.queues().closedLoopUrl() + "-missing");
        FeedbackBatchProcessor processor = ProcessorWiring.build(Environment.of(env), runtime.outbox().replySender());
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(record("alert-retried", 2, 1), record("alert-none", 10, 1), record("alert-parked", 1, 5)));

        List<String> retried = processor.process(batch, line -> { }).getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();

        assertEquals(List.of("alert-retried"), retried, "only the detractor whose alert is not queued yet is retried");
        assertEquals(1, responseItems("alert-retried"));
        assertEquals(1, responseItems("alert-none"));
        assertEquals(1, responseItems("alert-parked"));
        Message parked = eventually("the last receive is parked", FaultInjectionIT::peekDeadLetter, m -> m != null);
        assertTrue(parked.messageAttributes().get("failureReason").stringValue().contains("AlertNotRaisedException"),
                parked.messageAttributes().get("failureReason").stringValue());
        String parkedResponseId = StrictJson.read(parked.body()).path("responseId").asText();
        assertEquals(0, alertsFor(parkedResponseId));

        // SQS delivers the retried message again, to a processor whose closed-loop queue works: its response is
        // found recorded, and its alert is raised now, once.
        FeedbackBatchProcessor working = ProcessorWiring.build(Environment.of(runtime.functionEnvironment()), runtime.outbox().replySender());
        SQSEvent redelivery = new SQSEvent();
        redelivery.setRecords(List.of(record("alert-retried", 2, 2)));
        assertEquals(List.of(), working.process(redelivery, line -> { }).getBatchItemFailures());
        String responseId = StrictJson.read(redelivery.getRecords().get(0).getBody()).path("responseId").asText();
        eventually("the redelivery raises the alert", () -> alertsFor(responseId) == 1);

        // The operator redrives the parked message once the queue works: it arrives as a first delivery, but its
        // reason says an earlier attempt failed, so its response, found recorded, raises the alert now, once.
        runtime.sqs().changeMessageVisibility(v -> v.queueUrl(runtime.queues().deadLetterUrl()).receiptHandle(parked.receiptHandle())
                .visibilityTimeout(0));
        assertEquals(1, StrictJson.read(api.post("/_local/redrive?queue=feedback", null, null, new byte[0]).body()).get("moved").asInt());
        eventually("the redriven message raises its alert", () -> alertsFor(parkedResponseId) == 1);
        FeedbackPipelineIT.drain(runtime);
        assertEquals(1, alertsFor(responseId));
        assertEquals(1, alertsFor(parkedResponseId));
        assertEquals(1, responseItems("alert-retried"));
        assertEquals(1, responseItems("alert-parked"));
    }

    @Test
    void aResubmittedDetractor_aNewMessageForARecordedResponse_isNotAlertedAgain() {
        FeedbackBatchProcessor processor = ProcessorWiring.build(Environment.of(runtime.functionEnvironment()), runtime.outbox().replySender());
        SQSEvent first = new SQSEvent();
        first.setRecords(List.of(record("alert-once", 3, 1)));
        assertEquals(List.of(), processor.process(first, line -> { }).getBatchItemFailures());
        String responseId = StrictJson.read(first.getRecords().get(0).getBody()).path("responseId").asText();
        eventually("the first attempt raises the alert", () -> alertsFor(responseId) == 1);

        // The same submission again (a client's retry): a new message, recorded before, raises nothing.
        SQSEvent resubmitted = new SQSEvent();
        resubmitted.setRecords(List.of(record("alert-once", 3, 1)));
        assertEquals(List.of(), processor.process(resubmitted, line -> { }).getBatchItemFailures());
        FeedbackPipelineIT.drain(runtime);
        assertEquals(1, alertsFor(responseId), "a resubmission does not alert twice");
        assertEquals(1, responseItems("alert-once"));
    }

    @Test
    void aBatchWhoseReadAheadIsThrottled_readsItsCustomersOneByOne_andRecordsEveryEventAtOnce() {
        // Every attempt of the batch's read ahead is throttled (a role without BatchGetItem would fail the same way).
        proxy.throttle(call -> call.operation().equals("BatchGetItem") && call.body().contains("readahead-"), SDK_ATTEMPTS);
        FeedbackBatchProcessor processor = ProcessorWiring.build(Environment.of(runtime.functionEnvironment()),
                runtime.outbox().replySender());
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(record("readahead-1", 9, 1), record("readahead-2", 10, 1)));

        List<String> retried = processor.process(batch, line -> { }).getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();

        assertEquals(List.of(), retried, "a failed read ahead costs only its saving");
        assertEquals(SDK_ATTEMPTS, proxy.count(call -> call.operation().equals("BatchGetItem") && call.body().contains("readahead-")));
        assertEquals(1, responseItems("readahead-1"));
        assertEquals(1, responseItems("readahead-2"));
    }

    /** Ids under the runtime's own secret, as its ingest functions make them. */
    private static KeyedHashes ids() {
        return KeyedHashes.fromText(runtime.config().surveyTokenKey());
    }

    /** A feedback message as the processor receives it, on its {@code receiveCount}th receive. */
    private static SQSEvent.SQSMessage record(String externalId, int nps, int receiveCount) {
        List<String> bodies = new ArrayList<>();
        new FeedbackIntake(message -> bodies.add(QueueMessageCodec.encode(message)), ids(), SubmissionWriter::canonical, Clock.systemUTC())
                .accept(new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC())
                        .read(StrictJson.read(feedback(externalId, externalId + "@example.com", nps))));
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(externalId);
        record.setBody(bodies.get(0));
        record.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        return record;
    }

    private static String feedback(String externalId, String email, int nps) {
        return """
                {"externalId":"%s","channel":"web","touchpoint":"store-faults","customer":{"email":"%s"},
                 "answers":[{"questionId":"nps","type":"nps","value":%d}]}""".formatted(externalId, email, nps);
    }

    private static void post(String json) {
        assertEquals(202, api.postFeedback(json).statusCode());
    }

    private static JsonNode profile(String email) {
        return StrictJson.read(api.get("/v1/profiles?email=" + email.replace("@", "%40")).body());
    }

    private static int responsesIn(String channel) {
        for (JsonNode group : StrictJson.read(api.get("/v1/reports/summary?groupBy=channel").body()).get("groups")) {
            if (group.get("key").asText().equals(channel)) {
                return group.get("responses").asInt();
            }
        }
        return 0;
    }

    /** Response items whose externalId starts with the prefix, counted in the table itself. */
    private static int responseItems(String externalIdPrefix) {
        return runtime.dynamoDb().scanPaginator(s -> s.tableName("touchpoint")
                        .filterExpression("begins_with(PK, :response) AND begins_with(externalId, :prefix)")
                        .expressionAttributeValues(Map.of(":response", AttributeValue.fromS("RESPONSE#"),
                                ":prefix", AttributeValue.fromS(externalIdPrefix))))
                .items().stream().mapToInt(item -> 1).sum();
    }

    /** Detractor alerts for the response that reached the local outbox (through the closed-loop function). */
    private static long alertsFor(String responseId) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> "detractor-alert".equals(m.path("kind").asText()) && responseId.equals(m.path("responseId").asText()))
                .count();
    }

    /** Response items that mention the text, counted in the table itself. */
    private static int responseItemsMentioning(String text) {
        return runtime.dynamoDb().scanPaginator(s -> s.tableName("touchpoint").filterExpression("begins_with(PK, :response)")
                        .expressionAttributeValues(Map.of(":response", AttributeValue.fromS("RESPONSE#"))))
                .items().stream().filter(item -> item.toString().contains(text)).mapToInt(item -> 1).sum();
    }

    private static Message peekDeadLetter() {
        List<Message> messages = runtime.sqs().receiveMessage(r -> r.queueUrl(runtime.queues().deadLetterUrl())
                .messageAttributeNames("All").visibilityTimeout(1).waitTimeSeconds(0)).messages();
        return messages.isEmpty() ? null : messages.get(0);
    }

    private static int deadLetterDepth() {
        return runtime.queueDepth(runtime.queues().deadLetterUrl()).visible();
    }
}
