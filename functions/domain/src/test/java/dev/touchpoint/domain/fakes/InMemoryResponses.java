package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.response.ResponseRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Responses in memory, with the DynamoDB adapter's rules: recorded once by id; replaced only by an
 * answer received after the last one applied; grown once per message, with answers to questions not
 * yet answered. {@code ResponseRepositoryIT} and the pipeline ITs hold the real adapter to them.
 */
public final class InMemoryResponses implements ResponseRepository {

    private final Map<String, ResponseRecord> responses = new LinkedHashMap<>();
    private final Map<String, Instant> lastAnswerAt = new HashMap<>();
    private final Map<String, Set<String>> appliedMessages = new HashMap<>();

    @Override
    public synchronized boolean record(ResponseRecord response) {
        return responses.putIfAbsent(response.responseId(), response) == null;
    }

    @Override
    public synchronized Optional<ResponseRecord> find(String responseId) {
        return Optional.ofNullable(responses.get(responseId));
    }

    @Override
    public synchronized boolean replaceAnswers(ResponseRecord newer) {
        ResponseRecord stored = responses.get(newer.responseId());
        if (stored == null) {
            return false;
        }
        Instant last = lastAnswerAt.getOrDefault(stored.responseId(), stored.receivedAt());
        if (!newer.receivedAt().isAfter(last)) {
            return false;
        }
        List<Instant> changes = new ArrayList<>(stored.changedAt());
        changes.add(newer.receivedAt());
        responses.put(stored.responseId(), with(stored, newer.answers(), changes));
        lastAnswerAt.put(stored.responseId(), newer.receivedAt());
        return true;
    }

    @Override
    public synchronized boolean addAnswers(ResponseRecord answers, String messageId) {
        Set<String> applied = appliedMessages.computeIfAbsent(answers.responseId(), id -> new HashSet<>());
        if (!applied.add(messageId)) {
            return false;
        }
        ResponseRecord stored = responses.get(answers.responseId());
        if (stored == null) {
            responses.put(answers.responseId(), answers);
            return true;
        }
        Set<String> answered = new HashSet<>();
        stored.answers().forEach(answer -> answered.add(answer.questionId()));
        List<Answer> grown = Stream.concat(stored.answers().stream(),
                answers.answers().stream().filter(answer -> !answered.contains(answer.questionId()))).toList();
        responses.put(stored.responseId(), with(stored, grown, stored.changedAt()));
        return true;
    }

    @Override
    public synchronized ResponsePage page(LocalDate day, String after, int limit) {
        return page(ofDay(day), after, limit);
    }

    @Override
    public synchronized ResponsePage pageNewestFirst(LocalDate day, String before, int limit) {
        return page(ofDay(day).reversed(), before, limit);
    }

    @Override
    public synchronized void anonymise(Collection<String> profileIds) {
        responses.replaceAll((id, r) -> !profileIds.contains(r.profileId()) ? r
                : new ResponseRecord(r.responseId(), null, null, r.channel(), r.touchpoint(), r.surveyId(),
                        r.answers().stream().filter(answer -> answer.type().isScored()).toList(), r.answeredAt(), r.receivedAt(),
                        r.invitationId(), r.invitationChannel(), r.answeredVia(), r.changedAt()));
    }

    @Override
    public synchronized List<ResponseRecord> forProfiles(Collection<String> profileIds) {
        return responses.values().stream().filter(r -> profileIds.contains(r.profileId()))
                .sorted(Comparator.comparing(ResponseRecord::answeredAt)).toList();
    }

    private List<ResponseRecord> ofDay(LocalDate day) {
        return responses.values().stream().filter(r -> r.answeredAt().atZone(ZoneOffset.UTC).toLocalDate().equals(day))
                .sorted(Comparator.comparing(ResponseRecord::answeredAt).thenComparing(ResponseRecord::responseId)).toList();
    }

    /** A page of {@code ordered} after the response whose id is {@code cursor}; the cursor of the next page, if any. */
    private static ResponsePage page(List<ResponseRecord> ordered, String cursor, int limit) {
        int from = 0;
        for (int i = 0; cursor != null && i < ordered.size(); i++) {
            if (ordered.get(i).responseId().equals(cursor)) {
                from = i + 1;
            }
        }
        List<ResponseRecord> page = ordered.subList(Math.min(from, ordered.size()), Math.min(from + limit, ordered.size()));
        String next = from + limit < ordered.size() && !page.isEmpty() ? page.get(page.size() - 1).responseId() : null;
        return new ResponsePage(List.copyOf(page), next);
    }

    private static ResponseRecord with(ResponseRecord r, List<Answer> answers, List<Instant> changedAt) {
        return new ResponseRecord(r.responseId(), r.profileId(), r.externalId(), r.channel(), r.touchpoint(), r.surveyId(), answers,
                r.answeredAt(), r.receivedAt(), r.invitationId(), r.invitationChannel(), r.answeredVia(), changedAt);
    }
}
