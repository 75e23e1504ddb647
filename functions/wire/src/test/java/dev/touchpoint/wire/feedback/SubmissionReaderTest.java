package dev.touchpoint.wire.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.IdempotencyKeys;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.TestKeys;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.interaction.InteractionReader;
import dev.touchpoint.wire.json.MalformedJsonException;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final SubmissionReader reader = new SubmissionReader(new IdentityNormalizer("TR"), Clock.fixed(NOW, ZoneOffset.UTC));

    private FeedbackSubmission read(String json) {
        return reader.read(StrictJson.read(json));
    }

    private List<FieldError> errorsOf(String json) {
        return assertThrows(InvalidSubmissionException.class, () -> read(json)).errors();
    }

    @Test
    void read_contractExample_normalisesEveryField() {
        FeedbackSubmission s = read("""
                { "externalId": "ext-1", "channel": "WEB", "touchpoint": "Store-Kadikoy", "surveyId": "post-delivery",
                  "customer": { "email": " A@Example.com", "phone": "0555 111 22 33", "externalId": "crm-42",
                                "anonymousId": "cookie-9f2", "name": "Ayşe", "locale": "tr-TR", "timeZone": "Europe/Istanbul" },
                  "answers": [ { "questionId": "nps", "type": "nps", "value": 9 },
                               { "questionId": "comment", "type": "text", "value": " Hızlı teslimat " } ],
                  "submittedAt": "2026-11-23T10:15:00Z" }""");
        assertEquals(Channel.WEB, s.channel());
        assertEquals("store-kadikoy", s.touchpoint());
        assertEquals("a@example.com", s.customer().identity(IdentityType.EMAIL).orElseThrow().value());
        assertEquals("+905551112233", s.customer().identity(IdentityType.PHONE).orElseThrow().value());
        assertEquals("Hızlı teslimat", s.answers().get(1).text());
        assertEquals(Instant.parse("2026-11-23T10:15:00Z"), s.submittedAt());
    }

    @Test
    void read_npsOfEleven_pointsAtTheValue() {
        List<FieldError> errors = errorsOf("""
                {"channel":"web","answers":[{"questionId":"nps","type":"nps","value":11}]}""");
        assertEquals(List.of(new FieldError("/answers/0/value", "A nps answer must be an integer from 0 to 10.")), errors);
    }

    @Test
    void read_scoresOfEveryType_areCheckedAgainstTheirOwnRange() {
        assertEquals("/answers/0/value", errorsOf("""
                {"channel":"web","answers":[{"questionId":"q","type":"csat","value":0}]}""").get(0).pointer());
        assertEquals("/answers/0/value", errorsOf("""
                {"channel":"web","answers":[{"questionId":"q","type":"ces","value":8}]}""").get(0).pointer());
        assertEquals("/answers/0/value", errorsOf("""
                {"channel":"web","answers":[{"questionId":"q","type":"rating","value":4.5}]}""").get(0).pointer());
        assertEquals("/answers/0/value", errorsOf("""
                {"channel":"web","answers":[{"questionId":"q","type":"nps","value":"9"}]}""").get(0).pointer());
    }

    @Test
    void read_noAnswers_isRefused() {
        assertEquals("/answers", errorsOf("{\"channel\":\"web\",\"answers\":[]}").get(0).pointer());
        assertEquals("/answers", errorsOf("{\"channel\":\"web\"}").get(0).pointer());
    }

    @Test
    void read_array_isRefusedAsNotAnObject() {
        assertEquals("", errorsOf("[{\"channel\":\"web\"}]").get(0).pointer());
    }

    @Test
    void read_manyProblems_reportsEachOfThem() {
        List<FieldError> errors = errorsOf("""
                {"channel":"fax","customer":{"email":"nope","phone":"12"},"answers":[{"questionId":"nps","type":"nps","value":-1}],
                 "answer":"typo","submittedAt":"yesterday"}""");
        List<String> pointers = errors.stream().map(FieldError::pointer).toList();
        assertTrue(pointers.containsAll(List.of("/channel", "/customer/email", "/customer/phone", "/answers/0/value",
                "/answer", "/submittedAt")), pointers.toString());
    }

    @Test
    void read_sameQuestionTwice_isRefused() {
        assertEquals("/answers/1/questionId", errorsOf("""
                {"channel":"web","answers":[{"questionId":"nps","type":"nps","value":1},{"questionId":"nps","type":"nps","value":2}]}""")
                .get(0).pointer());
    }

    @Test
    void read_submittedInTheFuture_isRefused() {
        assertEquals("/submittedAt", errorsOf("""
                {"channel":"web","answers":[{"questionId":"nps","type":"nps","value":1}],"submittedAt":"2026-11-24T12:00:00Z"}""")
                .get(0).pointer());
    }

    @Test
    void read_malformedOrHostileJson_isRefusedWithoutEchoingIt() {
        MalformedJsonException truncated = assertThrows(MalformedJsonException.class, () -> StrictJson.read("{\"channel\":\"we"));
        assertTrue(truncated.getMessage().startsWith("Malformed JSON"));
        assertThrows(MalformedJsonException.class, () -> StrictJson.read("{\"a\":1,\"a\":2}"));
        assertThrows(MalformedJsonException.class, () -> StrictJson.read("{} trailing"));
        assertThrows(MalformedJsonException.class, () -> StrictJson.read("[".repeat(100) + "]".repeat(100)));
        assertThrows(MalformedJsonException.class, () -> StrictJson.read(""));
    }

    @Test
    void idempotencyKey_withoutExternalId_followsContentOnly() {
        String json = "{\"channel\":\"web\",\"answers\":[{\"questionId\":\"nps\",\"type\":\"nps\",\"value\":7}]}";
        String reordered = "{\"answers\":[{\"value\":7,\"type\":\"nps\",\"questionId\":\"nps\"}],\"channel\":\"WEB\"}";
        assertEquals(IdempotencyKeys.forSubmission(read(json), SubmissionWriter::canonical), IdempotencyKeys.forSubmission(read(reordered), SubmissionWriter::canonical));
        String other = json.replace("7", "8");
        assertNotEquals(IdempotencyKeys.forSubmission(read(json), SubmissionWriter::canonical), IdempotencyKeys.forSubmission(read(other), SubmissionWriter::canonical));
    }

    /** Response ids follow from the key under the deployment's secret: a caller knowing its externalId cannot compute them. */
    @Test
    void responseIds_areTheSameForTheSameKey_butNotTheCallersToCompute() {
        FeedbackSubmission submission = read("""
                {"externalId":"crm-42","channel":"api","answers":[{"questionId":"nps","type":"nps","value":10}]}""");
        String key = IdempotencyKeys.forSubmission(submission, SubmissionWriter::canonical);
        FeedbackEvent event = FeedbackEvent.accept(submission, key, TestKeys.HASHES, NOW);
        assertEquals(event.responseId(), FeedbackEvent.accept(submission, key, TestKeys.HASHES, NOW.plusSeconds(60)).responseId());
        assertNotEquals(FeedbackEvent.responseIdFor(key), event.responseId(), "not the plain name-based UUID of the caller's id");
        assertNotEquals(event.responseId(), FeedbackEvent.accept(submission, key,
                KeyedHashes.fromText("another-deployment-secret-0123456789abcdef"), NOW).responseId());
    }

    @Test
    void queueMessage_roundTrips() {
        FeedbackSubmission submission = read("""
                {"externalId":"x-1","channel":"sms","customer":{"phone":"+905551112233","name":"Ali"},
                 "answers":[{"questionId":"nps","type":"nps","value":10},{"questionId":"pick","type":"choice","value":"fast"}]}""");
        FeedbackEvent event = FeedbackEvent.accept(submission, IdempotencyKeys.forSubmission(submission, SubmissionWriter::canonical), TestKeys.HASHES, NOW);
        var codec = new QueueMessageCodec(reader,
                new InteractionReader(new IdentityNormalizer("TR"), Clock.fixed(NOW, ZoneOffset.UTC)),
                new IdentityNormalizer("TR"));
        Object decoded = codec.decode(QueueMessageCodec.encode(event));
        assertEquals(event, decoded);
    }
}
