package dev.touchpoint.processor;

import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.sqs.SqsRecords;
import dev.touchpoint.domain.conversation.ConversationRouter;
import dev.touchpoint.domain.conversation.DeliveryStatusEvent;
import dev.touchpoint.domain.conversation.DeliveryStatuses;
import dev.touchpoint.domain.conversation.InboundMessageEvent;
import dev.touchpoint.domain.conversation.TeamReplies;
import dev.touchpoint.domain.conversation.TeamReply;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.interaction.InteractionEvent;
import dev.touchpoint.domain.invitation.InvitationScheduler;
import dev.touchpoint.domain.queue.QueueMessage;
import dev.touchpoint.domain.queue.UnreadableMessageException;
import dev.touchpoint.domain.response.FeedbackRecorder;
import java.util.Locale;
import java.util.Map;

/**
 * Each kind of queue message to its use case, and each outcome counted: feedback is recorded, an
 * interaction schedules its survey, a customer's message continues their conversation, a team member's
 * reply is sent, a provider's delivery news updates the message it names. {@link FeedbackBatchProcessor}
 * runs the batch around it.
 */
final class MessageRouter {

    private final InvitationScheduler scheduler;
    private final ConversationRouter conversations;
    private final TeamReplies teamReplies;
    private final DeliveryStatuses deliveryStatuses;
    private final EmfMetrics metrics;

    MessageRouter(InvitationScheduler scheduler, ConversationRouter conversations, TeamReplies teamReplies,
                  DeliveryStatuses deliveryStatuses, EmfMetrics metrics) {
        this.scheduler = scheduler;
        this.conversations = conversations;
        this.teamReplies = teamReplies;
        this.deliveryStatuses = deliveryStatuses;
        this.metrics = metrics;
    }

    /** @param recorder the batch's recorder: its customers read ahead, its detractor alerts held for this message */
    void route(SQSMessage record, QueueMessage message, FeedbackRecorder recorder) {
        switch (message) {
            case FeedbackEvent feedback -> {
                if (recorder.record(feedback, redelivered(record)) == FeedbackRecorder.Outcome.RECORDED) {
                    metrics.count(EmfMetrics.Name.RESPONSES, Map.of("Channel", feedback.submission().channel().wireName()));
                }
            }
            case InteractionEvent interaction -> counted(EmfMetrics.Name.INTERACTIONS, scheduler.schedule(interaction));
            case InboundMessageEvent inbound -> {
                ConversationRouter.Outcome outcome = conversations.handle(inbound.message(), redelivered(record));
                if (outcome == ConversationRouter.Outcome.ANSWERED || outcome == ConversationRouter.Outcome.UNSOLICITED) {
                    metrics.count(EmfMetrics.Name.RESPONSES, Map.of("Channel", inbound.message().channel()));
                }
            }
            case TeamReply reply -> counted(EmfMetrics.Name.TEAM_REPLIES, teamReplies.send(reply));
            case DeliveryStatusEvent status -> counted(EmfMetrics.Name.DELIVERY_STATUSES, deliveryStatuses.record(status));
            default -> throw new UnreadableMessageException("no handler for " + message.getClass().getSimpleName());
        }
    }

    /** Each use case's outcome is a count by {@code Outcome} (too-old, not-reachable…), as the dashboard shows them. */
    private void counted(EmfMetrics.Name name, Enum<?> outcome) {
        metrics.count(name, Map.of("Outcome", outcome.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    /**
     * An earlier attempt at this message failed: SQS delivers it again, or an operator redrove it from
     * the DLQ after we parked it (or it is a duplicate; every step is idempotent). Either way its work
     * may be half done and is finished, not skipped as a repeat.
     */
    private static boolean redelivered(SQSMessage record) {
        return SqsRecords.receiveCount(record) > 1 || SqsRecords.redrivenFromDeadLetters(record);
    }
}
