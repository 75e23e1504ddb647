package dev.touchpoint.aws.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.snapstart.Priming;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The warm-ups a function starts during init: where they run, and that a snapshot never holds one in flight. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AheadOfFirstEventTest {

    private static final Environment IN_LAMBDA = Environment.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "ingest-api"));
    private static final Environment LOCAL = Environment.of(Map.of());

    @Test
    @Order(1)
    void outsideLambdaNothingStarts() {
        AtomicBoolean ran = new AtomicBoolean();
        AheadOfFirstEvent.start(LOCAL, "local", () -> ran.set(true));
        AheadOfFirstEvent.awaitAll(); // joins any thread that was started, so the flag below is final
        assertFalse(ran.get(), "the local runtime and the tests must not see calls they did not make");
        assertFalse(AheadOfFirstEvent.startedSoFar().contains("local"));
    }

    @Test
    @Order(2)
    void inLambdaTheWorkRunsOnItsOwnThreadAndIsAwaitedBeforeASnapshot() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        AheadOfFirstEvent.start(IN_LAMBDA, "slow first call", () -> {
            ranOn.set(Thread.currentThread().getName());
            sleep(300);
            finished.set(true);
        });
        AheadOfFirstEvent.awaitAll();
        assertTrue(finished.get(), "awaitAll returns only when the warm-up has finished");
        assertEquals("warm-up: slow first call", ranOn.get());
        assertNotEquals(Thread.currentThread().getName(), ranOn.get());
    }

    @Test
    @Order(3)
    void aFailingWarmUpIsIgnored() {
        AtomicBoolean after = new AtomicBoolean();
        AheadOfFirstEvent.start(IN_LAMBDA, "refused", () -> {
            throw new IllegalStateException("no such queue");
        });
        AheadOfFirstEvent.start(IN_LAMBDA, "next", () -> after.set(true));
        AheadOfFirstEvent.awaitAll();
        assertTrue(after.get(), "one failed warm-up stops neither the others nor init");
    }

    @Test
    @Order(4)
    void theTlsContextIsMadeInLambda() {
        AheadOfFirstEvent.startTlsContext(IN_LAMBDA);
        AheadOfFirstEvent.awaitAll();
        assertTrue(AheadOfFirstEvent.startedSoFar().contains("TLS context"));
    }

    @Test
    @Order(5)
    void thePhoneRulesLoadInLambda() {
        AheadOfFirstEvent.startPhoneRules(IN_LAMBDA, "TR");
        AheadOfFirstEvent.awaitAll();
        assertTrue(AheadOfFirstEvent.startedSoFar().contains("phone rules"));
    }

    @Test
    @Order(5)
    void aSuppliedValueIsMadeOnItsOwnThreadInLambda_andOnTheCallersElsewhere() {
        AtomicReference<String> madeOn = new AtomicReference<>();
        Supplier<String> inLambda = AheadOfFirstEvent.supply(IN_LAMBDA, "catalogue", () -> {
            madeOn.set(Thread.currentThread().getName());
            return "surveys";
        });
        assertEquals("surveys", inLambda.get());
        assertEquals("warm-up: catalogue", madeOn.get());
        Supplier<String> local = AheadOfFirstEvent.supply(LOCAL, "catalogue", () -> {
            madeOn.set(Thread.currentThread().getName());
            return "surveys";
        });
        assertEquals(Thread.currentThread().getName(), madeOn.get(), "made at once, before supply returns");
        assertEquals("surveys", local.get());
    }

    @Test
    @Order(5)
    void aSuppliedValuesFailureIsTheCallers() {
        Supplier<String> broken = AheadOfFirstEvent.supply(IN_LAMBDA, "broken catalogue", () -> {
            throw new IllegalStateException("surveys/catalog.json is invalid");
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, broken::get);
        assertEquals("surveys/catalog.json is invalid", thrown.getMessage());
    }

    /** Last: once the primes have begun, priming stays under way for the rest of this JVM. */
    @Test
    @Order(6)
    void onceThePrimesHaveBegunNoWarmUpStarts() {
        Priming.runAll();
        AtomicBoolean ran = new AtomicBoolean();
        AheadOfFirstEvent.start(IN_LAMBDA, "too late", () -> ran.set(true));
        AheadOfFirstEvent.awaitAll(); // joins any thread that was started, so the flag below is final
        assertFalse(ran.get(), "a call started now could still be in flight when the snapshot is taken");
        assertFalse(AheadOfFirstEvent.startedSoFar().contains("too late"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
