package dev.touchpoint.aws.logging;

import dev.touchpoint.contract.config.Setting;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of every function jar (found through {@code META-INF/services}): the AWS SDK's
 * loggers ({@code software.amazon.awssdk.*}) write at {@code TOUCHPOINT_SDK_LOG_LEVEL} and above
 * (default {@code WARN}: the SDK's debug lines are per request) through {@link SdkLogger}; any other
 * SLF4J user (none in a function; the local runtime's embedded engines) is silent, as the local
 * runtime wants its own lines only. Our own code logs through Lambda's logger directly.
 */
public final class SdkLogProvider implements SLF4JServiceProvider {

    static final String SDK_PREFIX = "software.amazon.awssdk";

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();
    private ILoggerFactory loggers;

    @Override
    public void initialize() {
        Level threshold = threshold(System.getenv(Setting.SDK_LOG_LEVEL.variable()));
        loggers = name -> name.startsWith(SDK_PREFIX) ? new SdkLogger(name, threshold) : NOPLogger.NOP_LOGGER;
    }

    /** A level's name, in any case; anything else (or nothing) is {@code WARN}. */
    static Level threshold(String configured) {
        if (configured == null) {
            return Level.WARN;
        }
        for (Level level : Level.values()) {
            if (level.name().equalsIgnoreCase(configured.trim())) {
                return level;
            }
        }
        return Level.WARN;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
