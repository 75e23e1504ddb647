package dev.touchpoint.aws.logging;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each event as one JSON line on standard output: {@code timestamp} (RFC 3339), {@code level},
 * {@code function}, {@code requestId} (Lambda's, of the invocation), {@code correlationId},
 * {@code event} and {@code message}. Lambda's JSON log format keeps such a line as it is and filters it by
 * its {@code level} (the function's application log level, set per stage by the CDK app); the local
 * runtime prints the same lines.
 */
public final class JsonLines implements EventLog {

    private static final Level LEAST = leastLevel(System.getenv());
    /** Read once per container: every invocation makes a log of its own. */
    private static final String LAMBDA_FUNCTION_NAME = System.getenv("AWS_LAMBDA_FUNCTION_NAME");

    private final String function;
    private final String requestId;
    private final Level least;
    private final Consumer<String> out;
    private final Clock clock;

    JsonLines(String function, String requestId, Level least, Consumer<String> out, Clock clock) {
        this.function = function;
        this.requestId = requestId;
        this.least = least;
        this.out = out;
        this.clock = clock;
    }

    /** The log of one invocation of {@code function}: Lambda's request id, when there is a context (tests may pass none). */
    public static EventLog of(String function, Context context) {
        return of(function, context == null ? null : context.getAwsRequestId());
    }

    /** The log of one invocation of {@code function} (Lambda's own name for it when it runs there). */
    public static EventLog of(String function, String requestId) {
        String name = LAMBDA_FUNCTION_NAME != null ? LAMBDA_FUNCTION_NAME : function;
        PrintStream stdout = System.out;
        return new JsonLines(name, requestId, LEAST, stdout::println, Clock.systemUTC());
    }

    /** Formats one line of every field and drops it: a prime's way to load the path before a snapshot. */
    public static void prime() {
        new JsonLines("priming", "priming", Level.DEBUG, line -> { }, Clock.systemUTC())
                .warn("priming", "priming", "a line that is never written");
    }

    /**
     * The least level written: Lambda's application log level ({@code AWS_LAMBDA_LOG_LEVEL}, which it sets
     * from the function's logging config; what is below it Lambda would drop anyway), else
     * {@code TOUCHPOINT_LOG_LEVEL} (the local runtime), else INFO.
     */
    static Level leastLevel(Map<String, String> env) {
        String named = env.getOrDefault("AWS_LAMBDA_LOG_LEVEL", env.getOrDefault(Setting.LOG_LEVEL.variable(), "INFO"));
        try {
            return Level.valueOf(named.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return named.trim().equalsIgnoreCase("TRACE") ? Level.DEBUG : Level.INFO;
        }
    }

    @Override
    public void write(Line line) {
        if (line.level().compareTo(least) < 0) {
            return;
        }
        ObjectNode json = StrictJson.object()
                .put("timestamp", clock.instant().toString())
                .put("level", line.level().name())
                .put("function", function)
                .put("requestId", requestId)
                .put("correlationId", line.correlationId())
                .put("event", line.event())
                .put("message", line.message());
        out.accept(StrictJson.write(json));
    }
}
