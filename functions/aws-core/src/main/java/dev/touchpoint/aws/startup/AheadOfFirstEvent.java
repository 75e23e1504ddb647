package dev.touchpoint.aws.startup;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Work a function's first event would otherwise do on its own thread, started on daemon threads while
 * the function is still building the rest of itself: the JDK's TLS context (its trust store read),
 * each client's first call (the SDK's request path loaded and its lambdas spun, a connection
 * opened), libphonenumber's rules, and values the function needs once its clients are built (survey-web's
 * survey catalogue). On a cold start the rest of init and the first event's own work then overlap with it
 * instead of waiting for it (docs/performance.md).
 *
 * <p>Only in a Lambda container ({@code AWS_LAMBDA_FUNCTION_NAME} set, as Lambda always sets it): the
 * local runtime and the tests build functions that are warm long before their first event, and must
 * not see calls they did not make. Under SnapStart every warm-up has finished before the snapshot, and
 * none starts once the primes have begun (a client a prime builds is touched by the prime itself). A
 * warm-up's failure is ignored: the first event makes the same call and meets the same failure itself.
 */
public final class AheadOfFirstEvent {

    /** Lambda's init may take 10 s; a warm-up still running after this is abandoned, not waited for. */
    private static final Duration LONGEST_WAIT_BEFORE_SNAPSHOT = Duration.ofSeconds(5);

    private static final AtomicBoolean TLS_STARTED = new AtomicBoolean();
    private static final AtomicBoolean AWAITED_BEFORE_SNAPSHOT = new AtomicBoolean();
    private static final List<Thread> STARTED = new CopyOnWriteArrayList<>();

    private AheadOfFirstEvent() {
    }

    /** True in a Lambda container: the only place warm-ups run. */
    public static boolean inLambda(Environment env) {
        return env.optional("AWS_LAMBDA_FUNCTION_NAME").isPresent();
    }

    /**
     * The default TLS context, made once: the first HTTPS client would otherwise read the JDK's 144
     * trust anchors on its own thread (about 60 ms of a cold start); the JDK keeps the store it read.
     */
    public static void startTlsContext(Environment env) {
        if (inLambda(env) && TLS_STARTED.compareAndSet(false, true)) {
            start("TLS context", () -> {
                try {
                    SSLContext.getInstance("TLS").init(null, null, null);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * libphonenumber's rules and the default region's metadata loaded on a thread of their own, for a
     * function whose first event normalises a phone number. The function should build its clients
     * before its own {@link IdentityNormalizer}, whose constructor waits for the library's class
     * initialisation if this thread is still in it.
     */
    public static void startPhoneRules(Environment env, String defaultRegion) {
        start(env, "phone rules", () -> new IdentityNormalizer(defaultRegion).loadPhoneRules());
    }

    /**
     * {@code work}'s result, made on a thread of its own in a Lambda container while the caller builds the
     * rest of the function, and taken when the caller asks for it (waiting if it is not ready yet);
     * elsewhere, or once the primes have begun, made at once on the caller's thread. Unlike a warm-up's,
     * its failure is the caller's: asking for the result throws what {@code work} threw.
     */
    public static <T> Supplier<T> supply(Environment env, String what, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        boolean started = inLambda(env) && start(what, () -> {
            try {
                result.complete(work.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        if (!started) {
            T made = work.get();
            return () -> made;
        }
        return () -> {
            try {
                return result.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        };
    }

    /** Runs {@code work} on a daemon thread of its own, in a Lambda container only. */
    public static void start(Environment env, String what, Runnable work) {
        if (inLambda(env)) {
            start(what, work);
        }
    }

    /** False, and nothing started, once the primes have begun. */
    private static boolean start(String what, Runnable work) {
        if (Priming.underway()) {
            return false;
        }
        if (AWAITED_BEFORE_SNAPSHOT.compareAndSet(false, true)) {
            Priming.beforeSnapshot("warm-ups finished", AheadOfFirstEvent::awaitAll);
        }
        STARTED.add(Thread.ofPlatform().daemon().name("warm-up: " + what).start(() -> {
            try {
                work.run();
            } catch (RuntimeException ignored) {
                // the first event makes the same call and handles what it meets
            }
        }));
        return true;
    }

    /** The warm-ups started in this JVM, by what they warm (for tests). */
    static List<String> startedSoFar() {
        return STARTED.stream().map(thread -> thread.getName().substring("warm-up: ".length())).toList();
    }

    /** Waits for every warm-up started so far (a snapshot must not hold a call in flight). */
    public static void awaitAll() {
        long deadline = System.nanoTime() + LONGEST_WAIT_BEFORE_SNAPSHOT.toNanos();
        for (Thread thread : STARTED) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
