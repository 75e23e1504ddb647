package dev.touchpoint.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.EmbeddedEngines;
import dev.touchpoint.domain.delivery.DeliveryEvent;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationStatus;
import dev.touchpoint.domain.metrics.AggregateKey;
import dev.touchpoint.domain.response.ResponseRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Invitations on the real engine: the due queue, claims under concurrency, deferral, the answer, the daily cap. */
class InvitationLifecycleIT {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private DynamoDbClient dynamo;
    private String table;
    private DynamoDbInvitationRepository invitations;

    @BeforeEach
    void newTable() throws Exception {
        dynamo = DynamoDbClients.create(EmbeddedEngines.environment());
        table = EmbeddedEngines.newTable(dynamo);
        invitations = new DynamoDbInvitationRepository(dynamo, table);
    }

    private static Invitation invitation(Instant dueAt) {
        return Invitation.scheduled(UUID.randomUUID().toString(), "post-service", 1, "p1", "store-1", "service.completed",
                List.of("email", "sms"), dueAt, dueAt.plusSeconds(72 * 3600), NOW);
    }

    /** An invitation scheduled, claimed and sent on this channel with this provider message id. */
    private Invitation sent(String channel, String messageId) {
        Invitation due = invitation(NOW);
        invitations.schedule(due);
        invitations.claim(due, NOW);
        invitations.markSent(due, channel, messageId, NOW, NOW.plusSeconds(72 * 3600));
        return due;
    }

    @Test
    void due_returnsOnlyPendingInvitationsDueByNow_oldestFirst() {
        Invitation early = invitation(NOW.minusSeconds(120));
        Invitation onTime = invitation(NOW);
        Invitation later = invitation(NOW.plusSeconds(60));
        List.of(later, onTime, early).forEach(invitations::schedule);
        assertFalse(invitations.schedule(early), "scheduling the same invitation again changes nothing");

        assertEquals(List.of(early.id(), onTime.id()), invitations.due(NOW, 10).stream().map(Invitation::id).toList());

        invitations.drop(early, "expired", NOW);
        invitations.defer(onTime, NOW.plusSeconds(3600), "quiet-hours");
        assertEquals(List.of(), invitations.due(NOW, 10));
        assertEquals(List.of(later.id(), onTime.id()),
                invitations.due(NOW.plusSeconds(3600), 10).stream().map(Invitation::id).toList(),
                "the one due at 10:01 now comes before the one deferred to 11:00");
        assertEquals("quiet-hours", invitations.load(onTime.id()).orElseThrow().reason());
        assertEquals(InvitationStatus.DROPPED, invitations.load(early.id()).orElseThrow().status());
    }

    @Test
    void claim_byTwoDispatchersAtOnce_succeedsForExactlyOne() throws Exception {
        Invitation due = invitation(NOW);
        invitations.schedule(due);
        CyclicBarrier start = new CyclicBarrier(2);
        Callable<Boolean> claim = () -> {
            start.await();
            return invitations.claim(due, NOW);
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(claim);
            var second = pool.submit(claim);
            assertTrue(first.get() ^ second.get(), "one claim wins, one loses");
        }
        assertEquals(List.of(), invitations.due(NOW, 10), "a claimed invitation leaves the due queue");
    }

    /** An email invitation answered on its link's page: counted under email, as responded and as the NPS answer alike. */
    @Test
    void answer_marksTheInvitationAndCountsUnderTheChannelItWasSentOn() {
        Invitation due = sent("email", "ses-message-1");
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);

        assertTrue(responses.record(new ResponseRecord("r-" + due.id(), "p1", null, "email", "store-1", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 9)), NOW, NOW, due.id(), "email", ResponseRecord.SURVEY_PAGE)));

        assertEquals(InvitationStatus.ANSWERED, invitations.load(due.id()).orElseThrow().status());
        assertEquals(1, ReportedCells.counter(dynamo, table, AggregateKey.of(NOW, "email", "store-1", "post-service"), "responded"));
        assertEquals(1, ReportedCells.counter(dynamo, table, AggregateKey.of(NOW, "email", "store-1", "post-service"), "npsPromoters"));
        assertEquals(0, ReportedCells.counter(dynamo, table, AggregateKey.of(NOW, "web", "store-1", "post-service"), "npsPromoters"));
        assertEquals(ResponseRecord.SURVEY_PAGE, responses.find("r-" + due.id()).orElseThrow().answeredVia());
    }

    /** Written before 2026-12-07 an answer on the link's page was stored as web: it is read, and counted, as email. */
    @Test
    void anAnswerStoredAsWebBefore_isReadUnderItsInvitationsChannel() {
        Invitation due = sent("email", "ses-message-legacy");
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);

        assertTrue(responses.record(new ResponseRecord("r-" + due.id(), "p1", null, "web", "store-1", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 9)), NOW, NOW, due.id(), "email")));

        ResponseRecord read = responses.find("r-" + due.id()).orElseThrow();
        assertEquals("email", read.channel());
        assertEquals(ResponseRecord.SURVEY_PAGE, read.answeredVia());
    }

    @Test
    void anAnswerWhoseInvitationUpdateWasLost_marksItAnsweredWhenRedelivered() {
        Invitation due = sent("sms", "sns-message-3");
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        ResponseRecord answer = new ResponseRecord("r-" + due.id(), "p1", null, "sms", "store-1", "post-service",
                List.of(Answer.scored("nps", AnswerType.NPS, 4)), NOW, NOW, due.id(), "sms");
        // As if the processor stopped between its two writes: the response is stored, the invitation still SENT.
        assertTrue(new DynamoDbResponseRepository(dynamo, table).record(new ResponseRecord(answer.responseId(), "p1", null, "sms",
                "store-1", "post-service", answer.answers(), NOW, NOW, null, "sms")));
        assertEquals(InvitationStatus.SENT, invitations.load(due.id()).orElseThrow().status());

        assertFalse(responses.record(answer), "the redelivery stores nothing new");

        assertEquals(InvitationStatus.ANSWERED, invitations.load(due.id()).orElseThrow().status());
        assertEquals(1, ReportedCells.counter(dynamo, table, AggregateKey.of(NOW, "sms", "store-1", "post-service"), "responses"));
    }

    @Test
    void deliveryReports_findTheirInvitationAndCountOnce() {
        Invitation sent = sent("sms", "sns-message-7");
        DynamoDbDeliveryLedger ledger = new DynamoDbDeliveryLedger(dynamo, table);
        AggregateKey cell = AggregateKey.of(NOW, "sms", "store-1", "post-service");

        assertEquals(Optional.of(sent.id()), ledger.invitationOfMessage("sns-message-7"));
        assertTrue(ledger.countOnce("sns-message-7", DeliveryEvent.Kind.DELIVERED, cell, "delivered"));
        assertFalse(ledger.countOnce("sns-message-7", DeliveryEvent.Kind.DELIVERED, cell, "delivered"));

        assertEquals(1, ReportedCells.counter(dynamo, table, cell, "delivered"));
    }

    @Test
    void dailyCap_takesUpToTheCapAndNoMore() {
        DynamoDbDailySendCap cap = new DynamoDbDailySendCap(dynamo, table);
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertTrue(cap.take(day, 2));
        assertFalse(cap.isReached(day, 2));
        assertTrue(cap.take(day, 2));
        assertTrue(cap.isReached(day, 2));
        assertFalse(cap.take(day, 2));
    }
}
