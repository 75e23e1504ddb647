package dev.touchpoint.aws.logging;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.Serial;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * One SDK logger: a line per call at or above its threshold, {@code <logger>: <message>} and the
 * throwable's class and message (no stack: the SDK's warnings say what went wrong in their message).
 * In Lambda (its runtime API is set) through Lambda's logger, at the line's level, so the JSON log
 * format records the level and the function's log-level filter applies; elsewhere (the local
 * runtime, tests) a line on standard error.
 */
final class SdkLogger extends LegacyAbstractLogger {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final boolean IN_LAMBDA = System.getenv("AWS_LAMBDA_RUNTIME_API") != null;

    private final transient Level threshold;

    SdkLogger(String name, Level threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override public boolean isTraceEnabled() { return enabled(Level.TRACE); }
    @Override public boolean isDebugEnabled() { return enabled(Level.DEBUG); }
    @Override public boolean isInfoEnabled() { return enabled(Level.INFO); }
    @Override public boolean isWarnEnabled() { return enabled(Level.WARN); }
    @Override public boolean isErrorEnabled() { return enabled(Level.ERROR); }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        StringBuilder line = new StringBuilder(name).append(": ").append(MessageFormatter.basicArrayFormat(pattern, arguments));
        if (throwable != null) {
            line.append(" (").append(throwable.getClass().getName()).append(": ").append(throwable.getMessage()).append(')');
        }
        if (IN_LAMBDA) {
            LambdaRuntime.getLogger().log(line.toString(), LogLevel.valueOf(level.name()));
        } else {
            System.err.println(level + " " + line);
        }
    }
}
