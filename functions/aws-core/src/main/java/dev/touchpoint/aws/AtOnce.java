package dev.touchpoint.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Independent calls made at the same time, each on a virtual thread, their results in the order of
 * their inputs: a day's keys, a report's days, an import's batches. A call that fails fails the whole
 * with its own exception.
 */
public final class AtOnce {

    private AtOnce() {
    }

    /**
     * Calls start in the order of their inputs, at most {@code atMost} in flight. Once one has failed,
     * no further call starts (those in flight finish), and that failure is thrown. A single call is made
     * on the caller's thread: there is nothing to overlap (a webhook's one batch, a report of one day).
     *
     * @param atMost how many calls may be in flight together
     */
    public static <I, R> List<R> map(List<I> inputs, int atMost, Function<I, R> call) {
        if (inputs.size() == 1) {
            List<R> one = new ArrayList<>(1);
            one.add(call.apply(inputs.get(0)));
            return one;
        }
        Semaphore slots = new Semaphore(atMost);
        AtomicBoolean failed = new AtomicBoolean();
        List<Future<R>> results = new ArrayList<>(inputs.size());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (I input : inputs) {
                acquire(slots);
                if (failed.get()) {
                    break;
                }
                results.add(threads.submit((Callable<R>) () -> {
                    try {
                        return call.apply(input);
                    } catch (RuntimeException e) {
                        failed.set(true); // before the slot is released, so the next call waiting for it sees it
                        throw e;
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<R> values = new ArrayList<>(results.size());
        for (Future<R> result : results) {
            values.add(valueOf(result));
        }
        return values;
    }

    private static void acquire(Semaphore slots) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for calls made at once", e);
        }
    }

    /** The same for calls that hand on what they read themselves, or return nothing. */
    public static <I> void each(List<I> inputs, int atMost, Consumer<I> call) {
        map(inputs, atMost, input -> {
            call.accept(input);
            return input;
        });
    }

    private static <R> R valueOf(Future<R> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for calls made at once", e);
        }
    }
}
