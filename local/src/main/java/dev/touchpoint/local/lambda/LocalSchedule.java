package dev.touchpoint.local.lambda;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What EventBridge Scheduler does in AWS: invokes a function on a fixed rate (every minute by default). */
public final class LocalSchedule implements AutoCloseable {

    private final LocalFunction<Map<String, Object>, Map<String, Object>> function;
    private final int intervalSeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("local-schedule").daemon(true).unstarted(r));

    public LocalSchedule(LocalFunction<Map<String, Object>, Map<String, Object>> function, int intervalSeconds) {
        this.function = function;
        this.intervalSeconds = intervalSeconds;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::invoke, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void invoke() {
        try {
            function.invoke(Map.of("source", "aws.scheduler", "detail-type", "Scheduled Event"));
        } catch (RuntimeException e) {
            // As in AWS, a failed run is retried by the next tick; the invitations stay due.
            System.err.println("[local] " + function.name() + " failed: " + e.getClass().getSimpleName());
        }
    }

    /** Stops ticking and waits for a run in progress. */
    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
