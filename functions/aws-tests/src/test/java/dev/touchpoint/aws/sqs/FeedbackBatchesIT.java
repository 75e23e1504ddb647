package dev.touchpoint.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.PartlyQueuedException;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.wire.feedback.SubmissionReader;
import dev.touchpoint.wire.interaction.InteractionReader;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * An import's rows reach ElasticMQ ten a request, four requests at once, each row exactly once, as the
 * processor decodes them; an entry SQS fails on its side is sent again, one that is the sender's fault
 * ends the import with an error.
 */
class FeedbackBatchesIT {

    private static final KeyedHashes KEYS = KeyedHashes.fromText("test-deployment-secret-0123456789abcdef");

    private static final QueueMessageCodec CODEC = new QueueMessageCodec(
            new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC()),
            new InteractionReader(new IdentityNormalizer("TR"), Clock.systemUTC()), new IdentityNormalizer("TR"));

    /** The real client on ElasticMQ, a new queue for each test, and the names of the calls a test's client made. */
    private SqsClient real;
    private String url;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void newQueue() throws Exception {
        real = SqsClients.create(EmbeddedEngines.environment());
        url = EmbeddedEngines.newQueue(real);
    }

    @AfterEach
    void closeClient() {
        real.close();
    }

    /** Rows with an NPS and {@code comments} comments of the longest length a submission may have. */
    private static List<FeedbackEvent> events(int count, int comments) {
        return IntStream.range(0, count).mapToObj(i -> {
            List<Answer> answers = new ArrayList<>(List.of(Answer.scored("nps", AnswerType.NPS, i % 11)));
            IntStream.range(0, comments).forEach(c -> answers.add(
                    Answer.text("comment-" + c, AnswerType.TEXT, "x".repeat(Answer.MAX_TEXT_LENGTH))));
            return FeedbackEvent.accept(new FeedbackSubmission("row-" + i, Channel.PAPER, "store-1", null, Customer.ANONYMOUS,
                    answers, null), "feedback:external:row-" + i, KEYS, Instant.parse("2026-11-23T10:00:00Z"));
        }).toList();
    }

    /**
     * The real client, with every call's name and every SendMessageBatch request recorded (batches are
     * sent several at once: {@code requests} must be a synchronised list), and each SendMessageBatch
     * answer passed through the next of {@code afterBatch}.
     */
    @SafeVarargs
    private static SqsClient recording(SqsClient real, List<String> calls, List<SendMessageBatchRequest> requests,
                                       UnaryOperator<SendMessageBatchResponse>... afterBatch) {
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[] {SqsClient.class}, (proxy, method, args) -> {
            int batch;
            synchronized (calls) {
                calls.add(method.getName());
                batch = (int) calls.stream().filter("sendMessageBatch"::equals).count() - 1;
            }
            if (args != null && args[0] instanceof SendMessageBatchRequest request) {
                requests.add(request);
            }
            try {
                Object answer = method.invoke(real, args);
                if (answer instanceof SendMessageBatchResponse response && batch < afterBatch.length) {
                    return afterBatch[batch].apply(response);
                }
                return answer;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** What a call waits for before it goes on to {@code next}. */
    private interface Wait {
        void before(Object[] args) throws InterruptedException;
    }

    /** {@code next}, each call made only once {@code wait} lets it through. */
    private static SqsClient waitingFirst(SqsClient next, Wait wait) {
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[] {SqsClient.class}, (proxy, method, args) -> {
            wait.before(args);
            try {
                return method.invoke(next, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static Set<QueueMessage> received(SqsClient sqs, String url, int expected) {
        Set<QueueMessage> received = new HashSet<>();
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                break;
            }
            all.addAll(messages);
        }
        for (Message message : all) {
            assertEquals("feedback", message.messageAttributes().get("kind").stringValue());
            received.add(CODEC.decode(message.body()));
        }
        assertEquals(expected, all.size(), "each message queued exactly once");
        return received;
    }

    @Test
    void enqueueAll_sendsTenARequest_andEveryMessageArrivesOnce() throws Exception {
        List<FeedbackEvent> events = events(23, 1);

        new SqsFeedbackQueue(recording(real, calls, new ArrayList<>()), url).enqueueAll(events);

        assertEquals(List.of("sendMessageBatch", "sendMessageBatch", "sendMessageBatch"), calls);
        assertEquals(Set.copyOf(events), received(real, url, 23));
    }

    /**
     * An import's batches are sent four at once: 500 requests one after another would take several
     * seconds in AWS, against ingest-api's 10 s timeout. Each of four batches is held until all four are
     * in flight together, which one after another they never would be.
     */
    @Test
    void enqueueAll_sendsFourBatchesAtOnce() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(4);
        SqsClient meetingTheOthers = waitingFirst(real, args -> {
            inFlight.countDown();
            if (!inFlight.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the four batches were never in flight together");
            }
        });
        List<FeedbackEvent> events = events(40, 1);

        new SqsFeedbackQueue(meetingTheOthers, url).enqueueAll(events);

        assertEquals(Set.copyOf(events), received(real, url, 40));
    }

    /** One message (a webhook's usual POST) takes the SendMessage call every ingest function's start has made ahead. */
    @Test
    void enqueueAll_ofOneMessage_sendsItAlone() throws Exception {
        List<FeedbackEvent> events = events(1, 1);

        new SqsFeedbackQueue(recording(real, calls, new ArrayList<>()), url).enqueueAll(events);

        assertEquals(List.of("sendMessage"), calls);
        assertEquals(Set.copyOf(events), received(real, url, 1));
    }

    @Test
    void enqueueAll_splitsABatchThatWouldPassSqssSizeLimit() throws Exception {
        List<FeedbackEvent> events = events(10, 6);

        new SqsFeedbackQueue(recording(real, calls, new ArrayList<>()), url).enqueueAll(events);

        assertEquals(List.of("sendMessageBatch", "sendMessageBatch"), calls, "ten messages of 30 KB make more than 256 KiB");
        assertEquals(Set.copyOf(events), received(real, url, 10));
    }

    /** SQS queued all ten but answers that entry 3 failed on its side, as it may: entry 3 alone is sent again. */
    @Test
    void anEntrySqsFailedOnItsSide_isSentAgain_alone() throws Exception {
        List<SendMessageBatchRequest> requests = new ArrayList<>();
        SqsClient failingOnce = recording(real, calls, requests, response -> response.toBuilder()
                .successful(response.successful().stream().filter(ok -> !ok.id().equals("3")).toList())
                .failed(BatchResultErrorEntry.builder().id("3").code("InternalError").senderFault(false).build()).build());
        List<FeedbackEvent> events = events(10, 1);

        new SqsFeedbackQueue(failingOnce, url).enqueueAll(events);

        assertEquals(2, requests.size());
        assertEquals(1, requests.get(1).entries().size());
        assertEquals(requests.get(0).entries().get(3).messageBody(), requests.get(1).entries().get(0).messageBody());
        // The first request did queue entry 3 (only its answer said otherwise), so the retry makes it twice:
        // at least once, which the processor's conditional write turns into once.
        assertEquals(Set.copyOf(events), received(real, url, 11));
    }

    /**
     * Entry 0 (in the first batch) refused as the sender's fault (its text, say): it alone is not queued,
     * and not sent again; every other entry is, and the caller is told exactly which one was not, so a
     * batch's answer never says nothing was stored when 99 were.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anEntryRefusedAsTheSendersFault_isNamedNotQueued_andTheOthersAreQueued() throws Exception {
        List<SendMessageBatchRequest> requests = Collections.synchronizedList(new ArrayList<>());
        UnaryOperator<SendMessageBatchResponse> refusingEntry0 = response -> response.successful().stream().noneMatch(ok -> ok.id().equals("0"))
                ? response
                : response.toBuilder().successful(response.successful().stream().filter(ok -> !ok.id().equals("0")).toList())
                        .failed(BatchResultErrorEntry.builder().id("0").code("InvalidMessageContents").senderFault(true).build()).build();
        UnaryOperator<SendMessageBatchResponse>[] everyBatch = new UnaryOperator[10];
        java.util.Arrays.fill(everyBatch, refusingEntry0);
        List<FeedbackEvent> events = events(100, 1);

        PartlyQueuedException error = assertThrows(PartlyQueuedException.class,
                () -> new SqsFeedbackQueue(recording(real, calls, requests, everyBatch), url).enqueueAll(events));

        assertTrue(error.getMessage().contains("InvalidMessageContents"), error.getMessage());
        assertEquals(Set.of(0), error.notQueued(), "only the refused entry is named");
        assertEquals(1, requests.stream().filter(r -> r.entries().stream().anyMatch(e -> e.id().equals("0"))).count(),
                "the refused entry is not sent again");
        assertEquals(10, requests.size(), "every other batch is sent");
        // SQS really took entry 0 (only its answer was altered): all 100 arrive, none twice.
        assertEquals(Set.copyOf(events), received(real, url, 100));
    }

    /** A call that fails outright (the queue is gone) stops the batches after it: those not known queued are named. */
    @Test
    void aFailedCall_namesEveryMessageNotKnownQueued() {
        PartlyQueuedException error = assertThrows(PartlyQueuedException.class,
                () -> new SqsFeedbackQueue(real, url + "-gone").enqueueAll(events(30, 1)));
        assertEquals(30, error.notQueued().size());
    }

    @Test
    void toAQueueThatIsGone_enqueueAllThrows() {
        assertThrows(RuntimeException.class, () -> new SqsFeedbackQueue(real, url + "-gone").enqueueAll(events(3, 1)));
    }
}
