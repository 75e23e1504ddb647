package dev.touchpoint.aws.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Independent reads made at the same time, each on a virtual thread, their results in the order of
 * their inputs: a day's keys, a report's days. A read that fails fails the whole with its own exception.
 */
final class AtOnce {

    private AtOnce() {
    }

    /** @param atMost how many reads may be in flight together */
    static <I, R> List<R> map(List<I> inputs, int atMost, Function<I, R> read) {
        Semaphore slots = new Semaphore(atMost);
        List<Future<R>> results = new ArrayList<>(inputs.size());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (I input : inputs) {
                results.add(threads.submit((Callable<R>) () -> {
                    slots.acquire();
                    try {
                        return read.apply(input);
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

    /** The same for reads that hand on what they read themselves and return nothing. */
    static <I> void each(List<I> inputs, int atMost, java.util.function.Consumer<I> read) {
        map(inputs, atMost, input -> {
            read.accept(input);
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
            throw new IllegalStateException("interrupted while reading", e);
        }
    }
}
