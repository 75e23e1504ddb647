package dev.touchpoint.bench;

import java.util.ArrayList;
import java.util.List;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The child JVM of a cold-start measurement, doing what Lambda's runtime does on a cold start: load
 * the handler class, construct it (its clients are built here, once per container), deserialise a
 * real event with Lambda's own serialisation library, and handle it; a stream handler (the functions'
 * entry points) gets the event's bytes, as Lambda gives them. It prints {@code HANDLED} the
 * moment the first event is handled; the parent measures from process start to that line. It also
 * prints {@code FIRST_EVENT_MS}, the time from the handler constructed to the first event handled, and
 * {@code ANSWER}, what the handler answered (on one line), which {@code FunctionJarsIT} checks.
 * With {@code -Dprobe.prime=true} it first runs the function's SnapStart primes, as Lambda does before
 * its snapshot, so that figure is what a restored snapshot still does on its first event. With
 * {@code -Dprobe.warm=W,M} it then handles the same event W times more and M times timed, and prints
 * {@code WARM_MS} with their p50 and p99: the function warm, as deployed (its jar, its JVM flags, its
 * real clients).
 * Arguments: handler class, event class, event file.
 */
public final class ColdStartProbe {

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> handlerClass = Class.forName(args[0]);
        Class<?> eventClass = Class.forName(args[1]);
        byte[] json = Files.readAllBytes(Path.of(args[2]));
        Object handler = handlerClass.getDeclaredConstructor().newInstance();
        if (Boolean.getBoolean("probe.prime")) {
            List<?> outcomes = (List<?>) Class.forName("dev.touchpoint.aws.snapstart.Priming").getMethod("runAll").invoke(null);
            System.out.println("PRIMED " + outcomes.size() + " " + failedPrimes(outcomes));
        }
        long constructed = System.nanoTime();
        Object result = handle(handler, eventClass, json);
        double firstEvent = (System.nanoTime() - constructed) / 1e6;
        String answer = result == null ? "null" : result.toString().replace('\n', ' ');
        System.out.println("ANSWER " + answer);
        System.out.println("FIRST_EVENT_MS " + firstEvent);
        String warm = System.getProperty("probe.warm");
        if (warm != null) {
            String[] counts = warm.split(",");
            double[] millis = warm(handler, eventClass, json, outcome(answer), Integer.parseInt(counts[0]), Integer.parseInt(counts[1]));
            System.out.println("WARM_MS " + Timed.percentile(millis, 50) + " " + Timed.percentile(millis, 99));
        }
        System.out.println("HANDLED " + (result == null ? "null" : result.getClass().getSimpleName()));
        System.out.flush();
        System.exit(0);
    }

    /** The primes that failed, by what they prime ({@code -} when none did): a prime that fails is only logged in Lambda. */
    private static String failedPrimes(List<?> outcomes) throws ReflectiveOperationException {
        List<String> failed = new ArrayList<>();
        for (Object outcome : outcomes) {
            Object failure = outcome.getClass().getMethod("failure").invoke(outcome);
            if (failure != null) {
                failed.add(outcome.getClass().getMethod("what").invoke(outcome) + ":" + failure);
            }
        }
        return failed.isEmpty() ? "-" : String.join(",", failed).replace(' ', '_');
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object handle(Object handler, Class<?> eventClass, byte[] json) throws Exception {
        if (handler instanceof RequestStreamHandler stream) {
            // As Lambda calls a stream handler: the event's bytes in, the answer's bytes out, no binding of its own.
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            stream.handleRequest(new ByteArrayInputStream(json), answer, new ProbeContext());
            return answer;
        }
        // As Lambda's runtime binds a typed handler's event: its events library for AWS events, its
        // (shaded) Jackson for anything else, such as the dispatcher's plain map.
        Object event = LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())
                ? LambdaEventSerializers.serializerFor(eventClass, ColdStartProbe.class.getClassLoader())
                        .fromJson(new ByteArrayInputStream(json))
                : JacksonFactory.getInstance().getSerializer(eventClass).fromJson(new ByteArrayInputStream(json));
        return ((RequestHandler) handler).handleRequest(event, new ProbeContext());
    }

    /**
     * The same event handled again and again in this JVM, as a warm container handles its events:
     * {@code warmUps} calls, then {@code measured} calls timed one by one. Each must end as the first
     * did, or the probe stops: a refusal (a rate limit, a failure) would flatter the figure.
     */
    private static double[] warm(Object handler, Class<?> eventClass, byte[] json, String expected, int warmUps, int measured)
            throws Exception {
        return Timed.time(warmUps, measured, i -> handle(handler, eventClass, json), (i, result) -> {
            String outcome = outcome(result == null ? "null" : result.toString());
            if (!outcome.equals(expected)) {
                throw new IllegalStateException("event " + i + " ended " + outcome + ", the first " + expected);
            }
        });
    }

    /** Loaded only by a warm run: a cold start's measured span must not compile them. */
    private static final class Outcomes {
        static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");
        static final Pattern FAILURES = Pattern.compile("\"batchItemFailures\"\\s*:\\s*\\[([^\\]]*)\\]");
    }

    /** How a call ended: an HTTP answer's status, an SQS batch's failures, or else the whole answer. */
    private static String outcome(String answer) {
        Matcher status = Outcomes.STATUS.matcher(answer);
        if (status.find()) {
            return "status " + status.group(1);
        }
        Matcher failures = Outcomes.FAILURES.matcher(answer);
        return failures.find() ? "failures [" + failures.group(1) + "]" : answer;
    }

    /** The few things a handler asks of its context. */
    private static final class ProbeContext implements Context {
        @Override public String getAwsRequestId() { return "bench"; }
        @Override public String getLogGroupName() { return "bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:local:0:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { }
                @Override public void log(byte[] message) { }
            };
        }
    }
}
