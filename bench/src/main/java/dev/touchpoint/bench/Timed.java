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

    static double[] time(int warmUp, int measured, Step step) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            step.run(i);
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            step.run(warmUp + i);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    static double percentile(double[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
