package dev.touchpoint.aws.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.queue.QueueMessageCodec;
import dev.touchpoint.domain.interaction.InteractionReader;
import dev.touchpoint.domain.feedback.SubmissionReader;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class SqsQueuesIT {

    @Test
    void enqueue_thenReceive_givesBackTheSameEvent() throws Exception {
        SqsClient sqs = AwsClients.sqs(EmbeddedEngines.environment());
        String url = EmbeddedEngines.newQueue(sqs);
        FeedbackSubmission submission = new FeedbackSubmission("ext-1", Channel.KIOSK, "store-1", null, Customer.ANONYMOUS,
                List.of(Answer.scored("nps", AnswerType.NPS, 10)), null);
        FeedbackEvent event = FeedbackEvent.accept(submission, "feedback:external:ext-1", Instant.parse("2026-11-23T10:00:00Z"));

        new SqsFeedbackQueue(sqs, url).enqueue(event);

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        QueueMessageCodec codec = new QueueMessageCodec(new SubmissionReader(new IdentityNormalizer("TR"), Clock.systemUTC()),
                new InteractionReader(new IdentityNormalizer("TR"), Clock.systemUTC()), new IdentityNormalizer("TR"));
        assertEquals(event, codec.decode(message.body()));
        assertEquals("feedback", message.messageAttributes().get("kind").stringValue());
    }

    @Test
    void deadLetter_carriesTheReasonAndReceiveCount() throws Exception {
        SqsClient sqs = AwsClients.sqs(EmbeddedEngines.environment());
        String url = EmbeddedEngines.newQueue(sqs);

        new SqsDeadLetterQueue(sqs, url).send("{\"kind\":\"unknown\"}", "UnreadableMessageException: unknown message kind", 5);

        Message message = sqs.receiveMessage(r -> r.queueUrl(url).messageAttributeNames("All")).messages().get(0);
        assertEquals("{\"kind\":\"unknown\"}", message.body());
        assertEquals("UnreadableMessageException: unknown message kind", message.messageAttributes().get("failureReason").stringValue());
        assertEquals("5", message.messageAttributes().get("receiveCount").stringValue());
    }
}
