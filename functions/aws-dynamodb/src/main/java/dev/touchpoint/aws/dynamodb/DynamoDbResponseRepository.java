package dev.touchpoint.aws.dynamodb;

import static dev.touchpoint.aws.dynamodb.Attr.n;
import static dev.touchpoint.aws.dynamodb.Attr.s;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.GSI1SK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PK;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.PROFILE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.RESPONSE;
import static dev.touchpoint.aws.dynamodb.TouchpointTable.SK;

import dev.touchpoint.aws.AtOnce;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.invitation.InvitationStatus;
import dev.touchpoint.domain.profile.ConcurrentUpdateException;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.response.ResponseRepository.ResponsePage;
import dev.touchpoint.domain.response.ResponseRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Responses. A response is one item written once by a put conditional on its id: a redelivered event
 * fails the condition and changes nothing, and there is nothing else to write beside it, so nothing can
 * be half written. Reports fold the responses of the day index into their counters
 * ({@link DynamoDbAggregateReader}); answering an invitation also marks it ANSWERED, and a response of a
 * day before today marks that day's stored report cells out of date ({@link DayRollups}): repeatable
 * updates made again on every redelivery, so that a stop between the writes heals on the retry.
 */
public final class DynamoDbResponseRepository implements ResponseRepository {

    private static final String RESPONSE_SK = "RESPONSE";
    private static final int CONFLICT_RETRIES = 5;
    /** The day index: a day's responses, listed under the day's {@link ShardedKeys}. */
    private static final String DAY_INDEX = "RESPONSES#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final DayRollups rollups;

    public DynamoDbResponseRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public DynamoDbResponseRepository(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.rollups = new DayRollups(dynamo, table, clock);
    }

    @Override
    public boolean record(ResponseRecord response) {
        return putOnce(toItem(response), response);
    }

    /** @return true when this call stored the response, false when it was already there */
    private boolean putOnce(Map<String, AttributeValue> item, ResponseRecord response) {
        boolean stored;
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            stored = true;
        } catch (ConditionalCheckFailedException e) {
            stored = false;
        }
        // Also on a redelivery: a stop between the put and this mark heals on the retry.
        rollups.changed(response.answeredAt());
        if (response.invitationId() != null) {
            markAnswered(response);
        }
        return stored;
    }

    private void markAnswered(ResponseRecord response) {
        dynamo.updateItem(u -> u.tableName(table)
                .key(DynamoDbInvitationRepository.key(response.invitationId()))
                .updateExpression("SET #status = :answered, responseId = :response, answeredAt = :at REMOVE GSI2PK, GSI2SK")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":answered", s(InvitationStatus.ANSWERED.name()), ":response", s(response.responseId()),
                        ":at", s(response.answeredAt().toString()))));
    }

    /** Another writer changed the response between our read and our update: back off a little, with jitter. */
    private static void pause(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 20 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentUpdateException("interrupted while retrying");
        }
    }

    @Override
    public Optional<ResponseRecord> find(String responseId) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table)
                .key(Map.of(PK, s(RESPONSE + responseId), SK, s(RESPONSE_SK))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toResponse(item));
    }

    /**
     * Read, compare in time, then update on the condition that the last answer applied is still the one
     * read ({@code lastAnswerAt}, fixed-width so it also compares as text); a writer that got there
     * first makes this one read again.
     */
    @Override
    public boolean replaceAnswers(ResponseRecord newer) {
        Map<String, AttributeValue> key = Map.of(PK, s(RESPONSE + newer.responseId()), SK, s(RESPONSE_SK));
        for (int attempt = 1; attempt <= CONFLICT_RETRIES; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
            if (item == null || item.isEmpty()) {
                return false;
            }
            String lastApplied = Attr.string(item, "lastAnswerAt");
            Instant last = lastApplied != null ? SortableTime.parse(lastApplied) : Instant.parse(Attr.string(item, "receivedAt"));
            if (!newer.receivedAt().isAfter(last)) {
                return false;
            }
            Map<String, AttributeValue> values = new HashMap<>(Map.of(
                    ":answers", AttributeValue.fromL(newer.answers().stream().map(DynamoDbResponseRepository::toAttribute).toList()),
                    ":at", s(SortableTime.of(newer.receivedAt())),
                    ":change", AttributeValue.fromL(List.of(s(newer.receivedAt().toString()))),
                    ":none", AttributeValue.fromL(List.of())));
            if (lastApplied != null) {
                values.put(":read", s(lastApplied));
            }
            try {
                dynamo.updateItem(u -> u.tableName(table).key(key)
                        .updateExpression("SET answers = :answers, lastAnswerAt = :at, changedAt = list_append(if_not_exists(changedAt, :none), :change)")
                        .conditionExpression(lastApplied != null ? "lastAnswerAt = :read" : "attribute_not_exists(lastAnswerAt)")
                        .expressionAttributeValues(values));
                rollups.changed(answeredAtOf(item));
                return true;
            } catch (ConditionalCheckFailedException changedMeanwhile) {
                pause(attempt);
            }
        }
        throw new ConcurrentUpdateException("response kept changing while its answers were replaced");
    }

    @Override
    public boolean addAnswers(ResponseRecord answers, String messageId) {
        for (int attempt = 1; attempt <= CONFLICT_RETRIES; attempt++) {
            Optional<Map<String, AttributeValue>> existing = Optional.ofNullable(dynamo.getItem(g -> g.tableName(table)
                    .key(Map.of(PK, s(RESPONSE + answers.responseId()), SK, s(RESPONSE_SK))).consistentRead(true)).item())
                    .filter(item -> !item.isEmpty());
            try {
                return existing.isEmpty() ? createGrowing(answers, messageId) : grow(existing.get(), answers, messageId);
            } catch (ConditionalCheckFailedException e) {
                pause(attempt);
            }
        }
        throw new ConcurrentUpdateException("response kept changing while answers were added");
    }

    /** The first message of a growing response: written like any response, remembering the message. */
    private boolean createGrowing(ResponseRecord response, String messageId) {
        Map<String, AttributeValue> item = toItem(response);
        item.put("appliedMessages", Attr.ss(List.of(messageId)));
        if (!putOnce(item, response)) {
            throw ConditionalCheckFailedException.builder().message("another message created the response first").build();
        }
        return true;
    }

    /** Later messages: only answers to questions not answered yet, if the response is still as read. */
    private boolean grow(Map<String, AttributeValue> existing, ResponseRecord added, String messageId) {
        if (Attr.stringSet(existing, "appliedMessages").contains(messageId)) {
            return false;
        }
        ResponseRecord current = toResponse(existing);
        Set<String> answered = current.answers().stream().map(Answer::questionId).collect(Collectors.toSet());
        List<Answer> fresh = added.answers().stream().filter(a -> !answered.contains(a.questionId())).toList();
        dynamo.updateItem(u -> u.tableName(table)
                .key(Map.of(PK, s(RESPONSE + current.responseId()), SK, s(RESPONSE_SK)))
                .updateExpression("SET answers = list_append(answers, :fresh) ADD appliedMessages :message")
                .conditionExpression("size(answers) = :read AND NOT contains(appliedMessages, :messageId)")
                .expressionAttributeValues(Map.of(
                        ":fresh", AttributeValue.fromL(fresh.stream().map(DynamoDbResponseRepository::toAttribute).toList()),
                        ":message", Attr.ss(List.of(messageId)), ":messageId", s(messageId),
                        ":read", n(current.answers().size()))));
        rollups.changed(current.answeredAt());
        return true;
    }

    private static LocalDate day(ResponseRecord response) {
        return LocalDate.ofInstant(response.answeredAt(), ZoneOffset.UTC);
    }

    /**
     * Every response of this UTC day answered in {@code [from, to)}, page by page through each key of the
     * day index, the keys read at once; {@code each} is called one response at a time, in no particular order.
     */
    void forAnsweredBetween(LocalDate day, Instant from, Instant to, Consumer<ResponseRecord> each) {
        Object oneAtATime = new Object();
        List<String> keys = ShardedKeys.keysOf(DAY_INDEX + day);
        // Positions are "<answeredAt>#<id>": every position in [from, to) lies between the two bare times.
        Map<String, AttributeValue> range = Map.of(":from", s(SortableTime.of(from)), ":to", s(SortableTime.of(to)));
        AtOnce.each(keys, keys.size(), key -> {
            Map<String, AttributeValue> values = new HashMap<>(range);
            values.put(":day", s(key));
            dynamo.queryPaginator(q -> q.tableName(table).indexName(TouchpointTable.GSI2)
                    .keyConditionExpression("GSI2PK = :day AND GSI2SK BETWEEN :from AND :to").expressionAttributeValues(values))
                    .items().forEach(item -> {
                        ResponseRecord response = toResponse(item);
                        synchronized (oneAtATime) {
                            each.accept(response);
                        }
                    });
        });
    }

    /**
     * The day's next responses in time order, merged from every key of the day index. Each key is asked
     * for its share of the page; where a key has more, the page stops at the last position that key
     * reached, since beyond it that key's responses are not yet known. The caller asks again from
     * {@code next} for the rest.
     */
    @Override
    public ResponsePage page(LocalDate day, String after, int limit) {
        return pageOfDay(day, after, limit, true);
    }

    @Override
    public ResponsePage pageNewestFirst(LocalDate day, String before, int limit) {
        return pageOfDay(day, before, limit, false);
    }

    /**
     * Every key of the day queried at once, each for a share of the page, merged in order. A key that
     * has more stopped somewhere; the page goes no further than the nearest such stop, so nothing a
     * key has not yet shown is skipped.
     */
    private ResponsePage pageOfDay(LocalDate day, String from, int limit, boolean oldestFirst) {
        int share = (limit + ShardedKeys.SHARDS - 1) / ShardedKeys.SHARDS + 1;
        List<String> keys = ShardedKeys.keysOf(DAY_INDEX + day);
        List<QueryResponse> parts = AtOnce.map(keys, keys.size(), key -> dynamo.query(dayQuery(key, from, share, oldestFirst)));
        Comparator<String> order = oldestFirst ? Comparator.naturalOrder() : Comparator.reverseOrder();
        String known = knownUpTo(parts, order);
        List<Map<String, AttributeValue>> inOrder = parts.stream().flatMap(part -> part.items().stream())
                .filter(item -> known == null || order.compare(dayPosition(item), known) <= 0)
                .sorted(Comparator.comparing(DynamoDbResponseRepository::dayPosition, order)).toList();
        List<Map<String, AttributeValue>> taken = inOrder.subList(0, Math.min(limit, inOrder.size()));
        boolean more = known != null || inOrder.size() > limit;
        String next = !more ? null : taken.isEmpty() ? known : dayPosition(taken.get(taken.size() - 1));
        return new ResponsePage(taken.stream().map(DynamoDbResponseRepository::toResponse).toList(), next);
    }

    /** The nearest position, in the page's order, at which a key with more stopped; null if none has more. */
    private static String knownUpTo(List<QueryResponse> parts, Comparator<String> order) {
        return parts.stream().filter(part -> part.hasLastEvaluatedKey() && !part.items().isEmpty())
                .map(part -> dayPosition(part.items().get(part.items().size() - 1)))
                .min(order).orElse(null);
    }

    private static String dayPosition(Map<String, AttributeValue> item) {
        return Attr.string(item, TouchpointTable.GSI2SK);
    }

    private QueryRequest dayQuery(String key, String from, int limit, boolean oldestFirst) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":day", s(key)));
        String condition = "GSI2PK = :day";
        if (from != null) {
            condition += oldestFirst ? " AND GSI2SK > :from" : " AND GSI2SK < :from";
            values.put(":from", s(from));
        }
        return QueryRequest.builder().tableName(table).indexName(TouchpointTable.GSI2).keyConditionExpression(condition)
                .expressionAttributeValues(values).scanIndexForward(oldestFirst).limit(limit).build();
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
        // The response id, its profile and its time are read back from the keys below, not stored again:
        // the item is written three times (the table and both indexes), a write unit per KB each time.
        // The day index (GSI2) lists a period's responses for reports and exports, spread over the day's shards.
        item.put(TouchpointTable.GSI2PK, s(ShardedKeys.keyOf(DAY_INDEX + day(response), response.responseId())));
        item.put(TouchpointTable.GSI2SK, s(SortableTime.of(response.answeredAt()) + "#" + response.responseId()));
        Attr.putIfPresent(item, "invitationId", response.invitationId());
        Attr.putIfPresent(item, "invitationChannel", response.invitationChannel());
        Attr.putIfPresent(item, "answeredVia", response.answeredVia());
        if (response.profileId() != null) {
            item.put(GSI1PK, s(PROFILE + response.profileId()));
            item.put(GSI1SK, s(RESPONSE + SortableTime.of(response.answeredAt()) + "#" + response.responseId()));
        }
        Attr.putIfPresent(item, "externalId", response.externalId());
        item.put("channel", s(response.channel()));
        Attr.putIfPresent(item, "touchpoint", response.touchpoint());
        Attr.putIfPresent(item, "surveyId", response.surveyId());
        item.put("answers", AttributeValue.fromL(response.answers().stream().map(DynamoDbResponseRepository::toAttribute).toList()));
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
        String channel = Attr.string(item, "channel");
        String invitationChannel = Attr.string(item, "invitationChannel");
        String answeredVia = Attr.string(item, "answeredVia");
        if (invitationChannel != null && answeredVia == null && !invitationChannel.equals(channel)) {
            // Written before 2026-12-07, when an invitation's answer counted under the channel it was given on
            // (its link page as web): read as it is counted now, under the invitation's channel.
            answeredVia = channel.equals("web") ? ResponseRecord.SURVEY_PAGE : channel;
            channel = invitationChannel;
        }
        List<Instant> changedAt = item.containsKey("changedAt")
                ? item.get("changedAt").l().stream().map(v -> Instant.parse(v.s())).toList() : List.of();
        return new ResponseRecord(responseIdOf(item), profileIdOf(item),
                Attr.string(item, "externalId"), channel, Attr.string(item, "touchpoint"),
                Attr.string(item, "surveyId"), answers, answeredAtOf(item),
                Instant.parse(Attr.string(item, "receivedAt")), Attr.string(item, "invitationId"),
                invitationChannel, answeredVia, changedAt);
    }

    // Items written before 2026-11-25 also hold responseId, profileId and answeredAt as attributes of their own.

    private static String responseIdOf(Map<String, AttributeValue> item) {
        String stored = Attr.string(item, "responseId");
        return stored != null ? stored : Attr.string(item, PK).substring(RESPONSE.length());
    }

    /** The timeline's key names the profile; an anonymous or erased response has neither. */
    private static String profileIdOf(Map<String, AttributeValue> item) {
        String stored = Attr.string(item, "profileId");
        String timeline = Attr.string(item, GSI1PK);
        return stored != null ? stored : timeline == null ? null : timeline.substring(PROFILE.length());
    }

    /** The day index's position starts with the time answered: {@code <answeredAt>#<responseId>}. */
    private static Instant answeredAtOf(Map<String, AttributeValue> item) {
        String stored = Attr.string(item, "answeredAt");
        if (stored != null) {
            return Instant.parse(stored);
        }
        String position = Attr.string(item, TouchpointTable.GSI2SK);
        return Instant.parse(position.substring(0, position.indexOf('#')));
    }

    private static Answer toAnswer(Map<String, AttributeValue> map) {
        AnswerType type = AnswerType.fromWireName(map.get("type").s()).orElseThrow();
        AttributeValue value = map.get("value");
        return type.isScored()
                ? Answer.scored(map.get("questionId").s(), type, Integer.parseInt(value.n()))
                : Answer.text(map.get("questionId").s(), type, value.s());
    }
}
