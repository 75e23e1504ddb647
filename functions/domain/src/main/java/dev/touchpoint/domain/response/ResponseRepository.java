package dev.touchpoint.domain.response;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Port: responses and the daily aggregates they count in. */
public interface ResponseRepository {

    /**
     * Writes the response once, with a conditional put on its id, then marks its day's report cells
     * stale and, for an invitation's answer, the invitation answered. Three writes, not one atomic
     * step: the put alone decides whether the response is new; the two marks are idempotent and made
     * again on a redelivery, so a stop between the writes heals when SQS delivers the message again.
     *
     * @return false when this response id was recorded before (a redelivery): nothing was changed
     */
    boolean record(ResponseRecord response);

    Optional<ResponseRecord> find(String responseId);

    /**
     * The customer answered an invitation again on its page: {@code newer}'s answers replace the stored
     * ones if it was received after the last answer applied (the last answer wins, whatever order the
     * queue delivers them in), and the change is remembered ({@code changedAt}).
     *
     * @return false when the stored answer is as new or newer (a redelivery, or an older answer late)
     */
    boolean replaceAnswers(ResponseRecord newer);

    /**
     * Adds answers to a response that grows over several messages (a score by SMS, the comment by
     * WhatsApp): creates it on the first message, then appends answers to questions not yet answered,
     * counting only those, once per {@code messageId}.
     *
     * @return false when this message was applied before
     */
    boolean addAnswers(ResponseRecord answers, String messageId);

    /** A page of one day's responses in time order; {@code next} continues it, null at the day's end. */
    record ResponsePage(List<ResponseRecord> responses, String next) {
    }

    /** One UTC day's responses after the {@code after} position (null: from the start), at most {@code limit}. */
    ResponsePage page(LocalDate day, String after, int limit);

    /**
     * The same day newest first: its responses before the {@code before} position (null: from the
     * day's end), at most {@code limit}; {@code next} continues towards the day's start.
     */
    ResponsePage pageNewestFirst(LocalDate day, String before, int limit);

    /** Erasure: the responses of these profiles keep their scores, lose free text, external ids and the link to the person. */
    void anonymise(Collection<String> profileIds);

    /** Every response recorded under any of these profiles, oldest first. */
    List<ResponseRecord> forProfiles(Collection<String> profileIds);
}
