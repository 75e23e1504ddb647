package dev.touchpoint.domain.response;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Closed loop: a detractor — an NPS of 0–6 or a CSAT of 1–2 — raises an alert so that someone calls the
 * customer back. The alert names the response and profile, never the customer's contact details or text.
 */
public final class DetractorAlerts {

    /** Port: where alerts go (an SNS topic in AWS, the outbox locally). */
    public interface Channel {
        void raise(DetractorAlert alert);

        /**
         * Raises several alerts in as few calls as the channel allows.
         *
         * @return the alerts it could not raise
         */
        default List<DetractorAlert> raiseAll(List<DetractorAlert> alerts) {
            List<DetractorAlert> failed = new ArrayList<>();
            for (DetractorAlert alert : alerts) {
                try {
                    raise(alert);
                } catch (RuntimeException e) {
                    failed.add(alert);
                }
            }
            return failed;
        }
    }

    /**
     * Alerts held back while a batch of messages is handled, then raised together: a queue takes ten
     * in one call. Each alert remembers the message that raised it, so a failed raise fails only that
     * message.
     */
    public static final class Held {

        private record Raised(String messageId, DetractorAlert alert) {
        }

        private final Channel channel;
        private final List<Raised> raised = Collections.synchronizedList(new ArrayList<>());

        private Held(Channel channel) {
            this.channel = channel;
        }

        /** The alerts of one message, held here. */
        public DetractorAlerts of(String messageId) {
            return new DetractorAlerts(alert -> raised.add(new Raised(messageId, alert)));
        }

        /**
         * Raises the alerts of the messages handled; a failed message's alerts are dropped, since its
         * redelivery raises them again (a message's alert goes out with its acknowledgement, not before).
         *
         * @param handled the ids of the messages that will be acknowledged
         * @return the handled messages some of whose alerts could not be raised
         */
        public Set<String> raise(Set<String> handled) {
            List<Raised> all = raised.stream().filter(one -> handled.contains(one.messageId())).toList();
            raised.clear();
            if (all.isEmpty()) {
                return Set.of();
            }
            List<DetractorAlert> failed;
            try {
                failed = channel.raiseAll(all.stream().map(Raised::alert).toList());
            } catch (RuntimeException e) {
                failed = all.stream().map(Raised::alert).toList();
            }
            Set<String> failedMessages = new HashSet<>();
            for (Raised one : all) {
                if (failed.contains(one.alert())) {
                    failedMessages.add(one.messageId());
                }
            }
            return failedMessages;
        }
    }

    /** One alert; on the wire it names the response and the score, never who or what they wrote. */
    public record DetractorAlert(String responseId, String profileId, String channel, String touchpoint, String surveyId,
                                 String questionId, String type, int score) {

        public static final String KIND = "detractor-alert";
    }

    private final Channel channel;

    public DetractorAlerts(Channel channel) {
        this.channel = channel;
    }

    /** A holder for a batch's alerts, raised through this channel when the batch is handled. */
    public Held held() {
        return new Held(channel);
    }

    /** Raises an alert for the first detractor answer of a newly recorded response. */
    public void check(ResponseRecord response) {
        detractor(response).ifPresent(answer -> channel.raise(new DetractorAlert(response.responseId(), response.profileId(),
                response.channel(), response.touchpoint(), response.surveyId(), answer.questionId(), answer.type().wireName(),
                answer.score())));
    }

    /** The first answer that makes this response a detractor's, if any. */
    public static Optional<Answer> detractor(ResponseRecord response) {
        return response.answers().stream()
                .filter(a -> (a.type() == AnswerType.NPS && a.score() <= 6) || (a.type() == AnswerType.CSAT && a.score() <= 2))
                .findFirst();
    }
}
