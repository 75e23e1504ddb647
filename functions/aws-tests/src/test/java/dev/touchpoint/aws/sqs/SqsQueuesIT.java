package dev.touchpoint.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.response.DetractorAlerts.DetractorAlert;
import dev.touchpoint.wire.feedback.SubmissionReader;
import dev.touchpoint.wire.interaction.InteractionReader;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import dev.touchpoint.wire.response.DetractorAlertJson;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsQueuesIT {

    private static final KeyedHashes KEYS = KeyedHashes.fromText("test-deployment-secret-0123456789abcdef");

    @Test
    void enqueue_thenReceive_givesBackTheSameEvent() throws Exception {
        SqsClient sqs = SqsClients.create(EmbeddedEngines.environment());
        String url = EmbeddedEngines.newQueue(sqs);
        FeedbackSubmission submission = new FeedbackSubmission("ext-1", Channel.KIOSK, "store-1", null, Customer.ANONYMOUS,
                List.of(Answer.scored("nps", AnswerType.NPS, 10)), null);
        FeedbackEvent event = FeedbackEvent.accept(submission, "feedback:external:ext-1", KEYS, Instant.parse("2026-11-23T10:00:00Z"));

        new SqsFeedbackQueue(sqs, url).enqueue(event);

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        QueueMessageCodec codec = new QueueMessageCodec(new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC()),
                new InteractionReader(new IdentityNormalizer("TR"), Clock.systemUTC()), new IdentityNormalizer("TR"));
        assertEquals(event, codec.decode(message.body()));
        assertEquals("feedback", message.messageAttributes().get("kind").stringValue());
    }

    @Test
    void raiseAll_queuesEveryAlertInCallsOfTen_asTheClosedLoopFunctionReadsThem() throws Exception {
        SqsClient sqs = SqsClients.create(EmbeddedEngines.environment());
        String url = EmbeddedEngines.newQueue(sqs);
        List<DetractorAlert> alerts = IntStream.range(0, 23).mapToObj(i -> new DetractorAlert(
                "response-" + i, "profile-" + i, "sms", "store-1", "post-service", "nps", "nps", i % 7)).toList();

        List<DetractorAlert> refused = new SqsClosedLoopQueue(sqs, url).raiseAll(alerts);

        assertEquals(List.of(), refused);
        Set<DetractorAlert> queued = new HashSet<>();
        while (queued.size() < alerts.size()) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .messageAttributeNames("All").waitTimeSeconds(1)).messages();
            assertTrue(!messages.isEmpty(), "only " + queued.size() + " of 23 alerts arrived");
            for (Message message : messages) {
                assertEquals(DetractorAlert.KIND, message.messageAttributes().get("kind").stringValue());
                queued.add(DetractorAlertJson.read(StrictJson.read(message.body())));
            }
        }
        assertEquals(Set.copyOf(alerts), queued);
    }

    @Test
    void raiseAll_toAQueueThatIsGone_answersEveryAlertAsNotRaised() throws Exception {
        SqsClient sqs = SqsClients.create(EmbeddedEngines.environment());
        String url = EmbeddedEngines.newQueue(sqs) + "-gone";
        List<DetractorAlert> alerts = List.of(new DetractorAlert("r-1", "p-1", "web", "t", "s", "nps", "nps", 3));

        assertEquals(alerts, new SqsClosedLoopQueue(sqs, url).raiseAll(alerts));
    }

    @Test
    void deadLetter_carriesTheReasonAndReceiveCount() throws Exception {
        SqsClient sqs = SqsClients.create(EmbeddedEngines.environment());
        String url = EmbeddedEngines.newQueue(sqs);

        new SqsDeadLetterQueue(sqs, url).send("{\"kind\":\"unknown\"}", "UnreadableMessageException: unknown message kind", 5);

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        assertEquals("{\"kind\":\"unknown\"}", message.body());
        assertEquals("UnreadableMessageException: unknown message kind", message.messageAttributes().get("failureReason").stringValue());
        assertEquals("5", message.messageAttributes().get("receiveCount").stringValue());
    }
}
