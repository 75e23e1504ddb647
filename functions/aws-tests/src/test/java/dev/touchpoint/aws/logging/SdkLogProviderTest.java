package dev.touchpoint.aws.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.NOPLogger;
import software.amazon.awssdk.utils.Logger;

/**
 * The SDK's warnings reach the function's log; its debug lines and other libraries' lines do not;
 * SLF4J finds the provider, so no "no providers" notice is printed on a cold start.
 */
class SdkLogProviderTest {

    @Test
    void theSdksWarningsAreWrittenWithTheirLevelAndItsDebugLinesAreNot() {
        String written = stderrOf(() -> {
            Logger sdk = Logger.loggerFor("software.amazon.awssdk.core.internal.retry.Example");
            sdk.warn(() -> "Request attempt 2 failed", new IllegalStateException("throttled"));
            sdk.debug(() -> "request headers: …");
            LoggerFactory.getLogger("org.elasticmq.Example").warn("an embedded engine's line");
        });
        assertEquals("WARN software.amazon.awssdk.core.internal.retry.Example: Request attempt 2 failed"
                + " (java.lang.IllegalStateException: throttled)" + System.lineSeparator(), written);
    }

    @Test
    void slf4jUsesThisProviderSoColdStartsPrintNoNotice() {
        assertInstanceOf(SdkLogger.class, LoggerFactory.getLogger("software.amazon.awssdk.Example"));
        assertInstanceOf(NOPLogger.class, LoggerFactory.getLogger("com.example.Other"));
    }

    @Test
    void theThresholdIsALevelsNameOrWarn() {
        assertEquals(Level.DEBUG, SdkLogProvider.threshold("debug"));
        assertEquals(Level.ERROR, SdkLogProvider.threshold(" ERROR "));
        assertEquals(Level.WARN, SdkLogProvider.threshold(null));
        assertEquals(Level.WARN, SdkLogProvider.threshold("verbose"));
        assertTrue(new SdkLogger("software.amazon.awssdk.X", Level.DEBUG).isDebugEnabled());
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
