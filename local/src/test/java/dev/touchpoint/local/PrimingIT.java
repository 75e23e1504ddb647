package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.closedloop.ClosedLoopWiring;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.delivery.DeliveryEventsWiring;
import dev.touchpoint.ingest.api.IngestApiWiring;
import dev.touchpoint.ingest.email.EmailReplyWiring;
import dev.touchpoint.ingest.meta.MetaWebhookWiring;
import dev.touchpoint.ingest.sms.TwoWaySmsWiring;
import dev.touchpoint.ingest.twilio.TwilioWebhookWiring;
import dev.touchpoint.local.inbound.DirectoryRawEmailStore;
import dev.touchpoint.processor.ProcessorWiring;
import dev.touchpoint.reporting.ReportingApiWiring;
import dev.touchpoint.survey.web.SurveyWebWiring;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SnapStart priming runs in the deployed account before the snapshot, against the real table and
 * queues: it must succeed there and leave no trace — no item, no message, nothing parked.
 */
class PrimingIT {

    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), "priming-key")));
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @Test
    void primingEveryFunctionThatPrimes_succeedsAndLeavesNothingBehind(@TempDir Path mailDirectory) {
        Environment env = Environment.of(runtime.functionEnvironment());
        Priming.beforeSnapshot("ingest-api (IT)", () -> IngestApiWiring.prime(env, IngestApiWiring.build(env)));
        Priming.beforeSnapshot("processor (IT)", () -> ProcessorWiring.prime(env, ProcessorWiring.build(env, runtime.outbox().replySender())));
        Priming.beforeSnapshot("reporting-api (IT)", () -> ReportingApiWiring.prime(env, ReportingApiWiring.build(env)));
        Priming.beforeSnapshot("survey-web (IT)", () -> SurveyWebWiring.prime(env));
        Priming.beforeSnapshot("ingest-twilio (IT)", () -> TwilioWebhookWiring.prime(env, TwilioWebhookWiring.build(env)));
        Priming.beforeSnapshot("ingest-meta (IT)", () -> MetaWebhookWiring.prime(env, MetaWebhookWiring.build(env)));
        Priming.beforeSnapshot("ingest-sms (IT)", () -> TwoWaySmsWiring.prime(env));
        Priming.beforeSnapshot("delivery-events (IT)", () -> DeliveryEventsWiring.prime(env, DeliveryEventsWiring.build(env)));
        Priming.beforeSnapshot("closed-loop (IT)", () -> ClosedLoopWiring.prime(env));
        Priming.beforeSnapshot("ingest-email (IT)", () -> EmailReplyWiring.prime(env, new DirectoryRawEmailStore(mailDirectory)));
        List<Priming.Outcome> outcomes = Priming.runAll().stream().filter(o -> o.what().endsWith("(IT)")).toList();

        assertEquals(10, outcomes.size());
        outcomes.forEach(outcome -> assertNull(outcome.failure(), outcome.what() + " failed: " + outcome.failure()));
        assertEquals(0, runtime.dynamoDb().scan(s -> s.tableName("touchpoint")).count(), "nothing written");
        assertEquals(0, runtime.queueDepth(runtime.queues().feedbackUrl()).total(), "nothing queued");
        assertEquals(0, runtime.queueDepth(runtime.queues().deadLetterUrl()).total(), "nothing parked");
        assertEquals(0, runtime.queueDepth(runtime.queues().closedLoopUrl()).total(), "nothing queued for closed-loop");
        assertEquals(0, runtime.queueDepth(runtime.queues().closedLoopDeadLetterUrl()).total(), "nothing parked by closed-loop");
        assertEquals(0, runtime.outbox().size(), "no email, SMS or alert sent");
    }
}
