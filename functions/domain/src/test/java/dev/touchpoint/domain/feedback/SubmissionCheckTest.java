package dev.touchpoint.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchpoint.domain.feedback.SubmissionDraft.AnswerDraft;
import dev.touchpoint.domain.feedback.SubmissionDraft.Answers;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A submission judged as its client sent it, with no JSON in between: the way a CSV row of the import
 * reaches the same check as {@code POST /v1/feedback}.
 */
class SubmissionCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
    private final SubmissionCheck check = new SubmissionCheck(new IdentityNormalizer("TR"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPaperFormsRow_becomesASubmission_normalisedAsTheApiWouldHaveIt() {
        FeedbackSubmission submission = check.check(row(Sent.text("Paper"), Sent.text("0532 111 22 33"),
                answer("nps", "nps", new Sent.Whole(9)), answer("comment", "text", Sent.text("  Hızlı ve güler yüzlü  "))));

        assertEquals(Channel.PAPER, submission.channel());
        assertEquals("+905321112233", submission.customer().identities().stream()
                .filter(id -> id.type() == IdentityType.PHONE).findFirst().orElseThrow().value());
        assertEquals(List.of(Answer.scored("nps", AnswerType.NPS, 9), Answer.text("comment", AnswerType.TEXT, "Hızlı ve güler yüzlü")),
                submission.answers());
        assertEquals(Instant.parse("2026-12-01T09:30:00Z"), submission.submittedAt());
    }

    @Test
    void everyFieldAtFault_isNamed_atOnce() {
        SubmissionDraft draft = row(Sent.text("fax"), Sent.text("not a phone"),
                answer("nps", "nps", new Sent.Whole(11)), answer("csat", "csat", Sent.text("very")));

        List<String> pointers = assertThrows(InvalidSubmissionException.class, () -> check.check(draft)).errors().stream()
                .map(FieldError::pointer).toList();

        assertEquals(List.of("/channel", "/customer/phone", "/answers/0/value", "/answers/1/value"), pointers);
    }

    @Test
    void aRowAnsweringNothing_orAnswersThatAreNoList_areRefused() {
        assertEquals("Must be an array of 1 to 50 answers.", onlyError(row(Sent.text("paper"), Sent.ABSENT)).detail());
        SubmissionDraft notAList = new SubmissionDraft(List.of("answer"), Sent.ABSENT, Sent.text("api"), Sent.ABSENT, Sent.ABSENT,
                SentObject.ABSENT, Answers.NOT_A_LIST, Sent.ABSENT);
        assertEquals(List.of("/answer", "/answers"), assertThrows(InvalidSubmissionException.class, () -> check.check(notAList))
                .errors().stream().map(FieldError::pointer).toList(), "a typo of a field is named, not dropped");
    }

    private FieldError onlyError(SubmissionDraft draft) {
        List<FieldError> errors = assertThrows(InvalidSubmissionException.class, () -> check.check(draft)).errors();
        assertEquals(1, errors.size(), errors.toString());
        return errors.get(0);
    }

    private static SubmissionDraft row(Sent channel, Sent phone, AnswerDraft... answers) {
        SentObject customer = phone.isAbsent() ? SentObject.ABSENT : SentObject.of(List.of(), Map.of("phone", phone));
        return new SubmissionDraft(List.of(), Sent.ABSENT, channel, Sent.ABSENT, Sent.ABSENT, customer, Answers.of(List.of(answers)),
                Sent.text("2026-12-01T12:30:00+03:00"));
    }

    private static AnswerDraft answer(String questionId, String type, Sent value) {
        return AnswerDraft.of(List.of(), Sent.text(questionId), Sent.text(type), value);
    }
}
