package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.AGGREGATE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1SK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PROFILE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.RESPONSE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.metrics.AggregateCounters;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.metrics.FunnelCounters;
import dev.touchpoint.domain.profile.ConcurrentUpdateException;
import dev.touchpoint.domain.profile.ResponseRecord;
import dev.touchpoint.domain.profile.ResponseRepository;
import dev.touchpoint.domain.profile.ResponseRepository.ResponsePage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Responses and their daily aggregate cells. A response and its counters are written in one
 * transaction whose put is conditional on the response id: a redelivered event fails the condition
 * and changes nothing, and a crash can never leave a response without its counts or the reverse.
 */
public final class DynamoDbResponseRepository implements ResponseRepository {

    private static final String RESPONSE_SK = "RESPONSE";
    private static final int RESPONSE_PUT = 0;
    private static final int CONFLICT_RETRIES = 5;
    static final String DAY_INDEX = "RESPONSES#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbResponseRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean record(ResponseRecord response) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(response))
                .conditionExpression("attribute_not_exists(PK)")).build());
        increments(response).forEach((cell, counters) -> items.add(aggregateUpdate(cell, counters)));
        if (response.invitationId() != null) {
            items.add(invitationAnswered(response));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                if (Transactions.failedCondition(e, RESPONSE_PUT)) {
                    return false;
                }
                if (!Transactions.isLostRace(e) || attempt == CONFLICT_RETRIES) {
                    throw Transactions.isLostRace(e)
                            ? new ConcurrentUpdateException("aggregate cell kept conflicting") : e;
                }
                pause(attempt);
            }
        }
    }

    /** Another transaction held the hot aggregate cell: back off a little, with jitter. */
    private static void pause(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 20 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentUpdateException("interrupted while retrying");
        }
    }

    /**
     * The counters this response adds: its answers to its own cell, and for an invitation's answer
     * "responded" to the cell of the channel the invitation went out on (one update when they coincide).
     */
    private static Map<AggregateKey, Map<String, Long>> increments(ResponseRecord response) {
        Map<AggregateKey, Map<String, Long>> cells = new java.util.LinkedHashMap<>();
        cells.put(AggregateKey.of(response.answeredAt(), response.channel(), response.touchpoint(), response.surveyId()),
                new java.util.LinkedHashMap<>(AggregateCounters.forAnswers(response.answers())));
        if (response.invitationChannel() != null) {
            cells.computeIfAbsent(AggregateKey.of(response.answeredAt(), response.invitationChannel(), response.touchpoint(),
                    response.surveyId()), k -> new java.util.LinkedHashMap<>()).merge(FunnelCounters.RESPONDED, 1L, Long::sum);
        }
        return cells;
    }

    private TransactWriteItem invitationAnswered(ResponseRecord response) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(DynamoDbInvitationRepository.key(response.invitationId()))
                .updateExpression("SET #status = :answered, responseId = :response, answeredAt = :at REMOVE GSI2PK, GSI2SK")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":answered", s("ANSWERED"), ":response", s(response.responseId()),
                        ":at", s(response.answeredAt().toString()))))
                .build();
    }

    private TransactWriteItem aggregateUpdate(AggregateKey cell, Map<String, Long> counters) {
        return TransactWriteItem.builder().update(AggregateCells.add(table, cell, counters)).build();
    }

    static Map<String, AttributeValue> aggregateKey(AggregateKey cell) {
        return AggregateCells.key(cell);
    }

    @Override
    public Optional<ResponseRecord> find(String responseId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
                .key(Map.of(PK, s(RESPONSE + responseId), SK, s(RESPONSE_SK))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toResponse(item));
    }

    @Override
    public boolean addAnswers(ResponseRecord answers, String messageId) {
        for (int attempt = 1; attempt <= CONFLICT_RETRIES; attempt++) {
            Optional<Map<String, AttributeValue>> existing = Optional.ofNullable(dynamo.getItem(g -> g.tableName(table)
                    .key(Map.of(PK, s(RESPONSE + answers.responseId()), SK, s(RESPONSE_SK))).consistentRead(true)).item())
                    .filter(item -> !item.isEmpty());
            try {
                return existing.isEmpty() ? createGrowing(answers, messageId) : grow(existing.get(), answers, messageId);
            } catch (TransactionCanceledException e) {
                if (!Transactions.isLostRace(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
        throw new ConcurrentUpdateException("response kept changing while answers were added");
    }

    /** The first message of a growing response: written like any response, remembering the message. */
    private boolean createGrowing(ResponseRecord response, String messageId) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> item = toItem(response);
        item.put("appliedMessages", Attr.ss(List.of(messageId)));
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(PK)")).build());
        increments(response).forEach((cell, counters) -> items.add(aggregateUpdate(cell, counters)));
        if (response.invitationId() != null) {
            items.add(invitationAnswered(response));
        }
        dynamo.transactWriteItems(b -> b.transactItems(items));
        return true;
    }

    /** Later messages: only answers to questions not answered yet, counted in the response's own cell. */
    private boolean grow(Map<String, AttributeValue> existing, ResponseRecord added, String messageId) {
        if (Attr.stringSet(existing, "appliedMessages").contains(messageId)) {
            return false;
        }
        ResponseRecord current = toResponse(existing);
        java.util.Set<String> answered = current.answers().stream().map(Answer::questionId).collect(java.util.stream.Collectors.toSet());
        List<Answer> fresh = added.answers().stream().filter(a -> !answered.contains(a.questionId())).toList();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Map.of(PK, s(RESPONSE + current.responseId()), SK, s(RESPONSE_SK)))
                .updateExpression("SET answers = list_append(answers, :fresh) ADD appliedMessages :message")
                .conditionExpression("size(answers) = :read AND NOT contains(appliedMessages, :messageId)")
                .expressionAttributeValues(Map.of(
                        ":fresh", AttributeValue.fromL(fresh.stream().map(DynamoDbResponseRepository::toAttribute).toList()),
                        ":message", Attr.ss(List.of(messageId)), ":messageId", s(messageId),
                        ":read", n(current.answers().size()))))
                .build());
        Map<String, Long> counters = new java.util.LinkedHashMap<>(AggregateCounters.forAnswers(fresh));
        counters.remove(AggregateCounters.RESPONSES);
        if (!counters.isEmpty()) {
            items.add(aggregateUpdate(AggregateKey.of(current.answeredAt(), current.channel(), current.touchpoint(),
                    current.surveyId()), counters));
        }
        dynamo.transactWriteItems(b -> b.transactItems(items));
        return true;
    }

    @Override
    public ResponsePage page(java.time.LocalDate day, String after, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":day", s(DAY_INDEX + day)));
        String condition = "GSI2PK = :day";
        if (after != null) {
            condition += " AND GSI2SK > :after";
            values.put(":after", s(after));
        }
        String keyCondition = condition;
        var result = dynamo.query(q -> q.tableName(table).indexName(TouchpointTable.GSI2).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).limit(limit));
        List<ResponseRecord> items = result.items().stream().map(DynamoDbResponseRepository::toResponse).toList();
        String last = result.hasLastEvaluatedKey() && !result.items().isEmpty()
                ? Attr.string(result.items().get(result.items().size() - 1), TouchpointTable.GSI2SK) : null;
        return new ResponsePage(items, last);
    }

    @Override
    public void anonymise(Collection<String> profileIds) {
        for (ResponseRecord response : forProfiles(profileIds)) {
            List<AttributeValue> scores = response.answers().stream().filter(a -> a.type().isScored())
                    .map(DynamoDbResponseRepository::toAttribute).toList();
            dynamo.updateItem(u -> u.tableName(table).key(Map.of(PK, s(RESPONSE + response.responseId()), SK, s(RESPONSE_SK)))
                    .updateExpression("SET answers = :scores, erased = :yes REMOVE profileId, externalId, GSI1PK, GSI1SK")
                    .expressionAttributeValues(Map.of(":scores", AttributeValue.fromL(scores), ":yes", AttributeValue.fromBool(true))));
        }
    }

    @Override
    public List<ResponseRecord> forProfiles(Collection<String> profileIds) {
        List<ResponseRecord> responses = new ArrayList<>();
        for (String profileId : profileIds) {
            QueryRequest query = QueryRequest.builder().tableName(table).indexName(GSI1)
                    .keyConditionExpression("GSI1PK = :profile AND begins_with(GSI1SK, :response)")
                    .expressionAttributeValues(Map.of(":profile", s(PROFILE + profileId), ":response", s(RESPONSE)))
                    .build();
            dynamo.queryPaginator(query).items().forEach(item -> responses.add(toResponse(item)));
        }
        responses.sort(Comparator.comparing(ResponseRecord::answeredAt).thenComparing(ResponseRecord::responseId));
        return responses;
    }

    private static Map<String, AttributeValue> toItem(ResponseRecord response) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(RESPONSE + response.responseId()));
        item.put(SK, s(RESPONSE_SK));
        item.put("entity", s("response"));
        item.put("responseId", s(response.responseId()));
        // The day index (GSI2, partition RESPONSES#<day>) lists a period's responses for exports.
        item.put(TouchpointTable.GSI2PK, s(DAY_INDEX + java.time.LocalDate.ofInstant(response.answeredAt(), java.time.ZoneOffset.UTC)));
        item.put(TouchpointTable.GSI2SK, s(SortableTime.of(response.answeredAt()) + "#" + response.responseId()));
        Attr.putIfPresent(item, "invitationId", response.invitationId());
        Attr.putIfPresent(item, "invitationChannel", response.invitationChannel());
        if (response.profileId() != null) {
            item.put("profileId", s(response.profileId()));
            item.put(GSI1PK, s(PROFILE + response.profileId()));
            item.put(GSI1SK, s(RESPONSE + SortableTime.of(response.answeredAt()) + "#" + response.responseId()));
        }
        Attr.putIfPresent(item, "externalId", response.externalId());
        item.put("channel", s(response.channel()));
        Attr.putIfPresent(item, "touchpoint", response.touchpoint());
        Attr.putIfPresent(item, "surveyId", response.surveyId());
        item.put("answers", AttributeValue.fromL(response.answers().stream().map(DynamoDbResponseRepository::toAttribute).toList()));
        item.put("answeredAt", s(response.answeredAt().toString()));
        item.put("receivedAt", s(response.receivedAt().toString()));
        return item;
    }

    private static AttributeValue toAttribute(Answer answer) {
        Map<String, AttributeValue> map = new HashMap<>();
        map.put("questionId", s(answer.questionId()));
        map.put("type", s(answer.type().wireName()));
        map.put("value", answer.type().isScored() ? n(answer.score()) : s(answer.text()));
        return AttributeValue.fromM(map);
    }

    private static ResponseRecord toResponse(Map<String, AttributeValue> item) {
        List<Answer> answers = item.get("answers").l().stream().map(v -> toAnswer(v.m())).toList();
        return new ResponseRecord(Attr.string(item, "responseId"), Attr.string(item, "profileId"),
                Attr.string(item, "externalId"), Attr.string(item, "channel"), Attr.string(item, "touchpoint"),
                Attr.string(item, "surveyId"), answers, Instant.parse(Attr.string(item, "answeredAt")),
                Instant.parse(Attr.string(item, "receivedAt")), Attr.string(item, "invitationId"),
                Attr.string(item, "invitationChannel"));
    }

    private static Answer toAnswer(Map<String, AttributeValue> map) {
        AnswerType type = AnswerType.fromWireName(map.get("type").s()).orElseThrow();
        AttributeValue value = map.get("value");
        return type.isScored()
                ? Answer.scored(map.get("questionId").s(), type, Integer.parseInt(value.n()))
                : Answer.text(map.get("questionId").s(), type, value.s());
    }
}
