package dev.touchpoint.bench;

import java.util.Arrays;

/**
 * Warm timings: a step run some times untimed, then timed one call at a time, and their percentiles.
 * A class of its own, using nothing else of the bench, so the cold-start probe can load it in a
 * function's JVM whose class path has none of the other functions.
 */
final class Timed {

    private Timed() {
    }

    interface Step {
        void run(int iteration) throws Exception;
    }

    /** A step that answers something, checked after its time is taken. */
    interface Call<T> {
        T run(int iteration) throws Exception;
    }

    interface Check<T> {
        void accept(int iteration, T answer);
    }

    static double[] time(int warmUp, int measured, Step step) throws Exception {
        return time(warmUp, measured, i -> {
            step.run(i);
            return null;
        }, (i, none) -> { });
    }

    /** The same, each answer handed to {@code check} outside the timed span: the check is the bench's, not the function's. */
    static <T> double[] time(int warmUp, int measured, Call<T> call, Check<T> check) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            check.accept(i, call.run(i));
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            T answer = call.run(warmUp + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
            check.accept(warmUp + i, answer);
        }
        Arrays.sort(millis);
        return millis;
    }

    static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
