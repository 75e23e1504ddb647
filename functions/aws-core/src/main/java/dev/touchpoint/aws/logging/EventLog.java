package dev.touchpoint.aws.logging;

/**
 * Where a function says what happened that an on-call engineer may need: one event per call, with its
 * level, a short name ({@code message.retried}), the correlation id that follows the work from the API
 * or webhook through SQS to the table (a response, invitation or provider message id), and a message
 * in our words. Never personal data: no address, no number, no customer text; ids and reasons only.
 */
@FunctionalInterface
public interface EventLog {

    /** Says nothing: for tests and tools that do not read the log. */
    EventLog NONE = line -> { };

    void write(Line line);

    /** The levels Lambda's log-level filter knows. */
    enum Level { DEBUG, INFO, WARN, ERROR }

    /** One event. */
    record Line(Level level, String event, String correlationId, String message) {
    }

    default void debug(String event, String correlationId, String message) {
        write(new Line(Level.DEBUG, event, correlationId, message));
    }

    default void info(String event, String correlationId, String message) {
        write(new Line(Level.INFO, event, correlationId, message));
    }

    default void warn(String event, String correlationId, String message) {
        write(new Line(Level.WARN, event, correlationId, message));
    }

    default void error(String event, String correlationId, String message) {
        write(new Line(Level.ERROR, event, correlationId, message));
    }
}
