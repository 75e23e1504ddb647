package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import java.util.Optional;

/**
 * Closed loop: a detractor — an NPS of 0–6 or a CSAT of 1–2 — raises an alert so that someone calls the
 * customer back. The alert names the response and profile, never the customer's contact details or text.
 */
public final class DetractorAlerts {

    /** Port: where alerts go (an SNS topic in AWS, the outbox locally). */
    public interface Channel {
        void raise(DetractorAlert alert);
    }

    /** One alert. */
    public record DetractorAlert(String responseId, String profileId, String channel, String touchpoint, String surveyId,
                                 String questionId, String type, int score) {
    }

    private final Channel channel;

    public DetractorAlerts(Channel channel) {
        this.channel = channel;
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
